namespace Loyalty.Core.Members;

/// <summary>Per-tenant lookups that are not a member's own partition: by phone hash, and the list of members.</summary>
public interface IMemberDirectory
{
    /// <summary>Claims <paramref name="phoneHash"/> for <paramref name="memberId"/>; returns the member that holds it (itself when the claim succeeded or was already its own).</summary>
    Task<string> ClaimPhoneAsync(string tenantId, string phoneHash, string memberId, CancellationToken cancellationToken);

    Task<string?> FindByPhoneAsync(string tenantId, string phoneHash, CancellationToken cancellationToken);

    Task UpsertAsync(MemberAccount account, CancellationToken cancellationToken);
}
