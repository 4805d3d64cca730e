using Loyalty.Core.Members;

namespace Loyalty.Core.Referrals;

/// <summary>Referral codes per tenant, looked up both ways: code → member and member → code.</summary>
public interface IReferralCodeStore
{
    Task<string?> GetCodeAsync(MemberKey member, CancellationToken cancellationToken);

    /// <summary>The member holding <paramref name="code"/> in the tenant, or null.</summary>
    Task<string?> FindMemberAsync(string tenantId, string code, CancellationToken cancellationToken);

    /// <summary>Gives <paramref name="code"/> to the member, both lookups at once; neither is written when either exists.</summary>
    Task<CodeAssignment> TryAssignAsync(MemberKey member, string code, CancellationToken cancellationToken);
}

public enum CodeAssignment
{
    Assigned,

    /// <summary>Another member holds the code.</summary>
    CodeTaken,

    /// <summary>The member has a code already (perhaps this one, from an earlier attempt).</summary>
    MemberHasCode,
}
