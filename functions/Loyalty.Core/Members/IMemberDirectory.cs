namespace Loyalty.Core.Members;

/// <summary>
/// Per-tenant lookups that are not a member's own partition: the phone claims (one row per keyed phone hash) and the
/// member list (one row per member, a projection of the account row kept current after each change).
/// </summary>
public interface IMemberDirectory
{
    Task<PhoneClaim?> GetPhoneClaimAsync(string tenantId, string phoneHash, CancellationToken cancellationToken);

    /// <summary>Adds the claim; false when the hash is already claimed (by anyone).</summary>
    Task<bool> TryAddPhoneClaimAsync(string tenantId, string phoneHash, string memberId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Takes over <paramref name="stale"/> for <paramref name="memberId"/>; false when the claim changed since it was read.</summary>
    Task<bool> TryReplacePhoneClaimAsync(string tenantId, PhoneClaim stale, string memberId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the claim when <paramref name="memberId"/> holds it and claimed it no later than <paramref name="claimedBefore"/>;
    /// leaves another member's claim, and a newer claim of the same member, alone.
    /// </summary>
    Task ReleasePhoneAsync(string tenantId, string phoneHash, string memberId, DateTimeOffset claimedBefore, CancellationToken cancellationToken);

    Task UpsertAsync(MemberAccount account, CancellationToken cancellationToken);

    /// <summary>Deletes the member's list row (an erased member is listed nowhere); safe to repeat.</summary>
    Task RemoveAsync(string tenantId, string memberId, CancellationToken cancellationToken);

    Task<MemberPage> ListAsync(string tenantId, MemberListQuery query, CancellationToken cancellationToken);
}

/// <summary>Who holds a phone number (by its keyed hash) and since when; <see cref="ETag"/> guards a take-over.</summary>
public sealed record PhoneClaim(string PhoneHash, string MemberId, DateTimeOffset ClaimedAt, string ETag);
