namespace Loyalty.Core.Members;

public enum MemberStatus
{
    Active,

    /// <summary>Merged into another account (<see cref="MemberAccount.MergedInto"/>): its points and bindings moved there.</summary>
    Merged,

    /// <summary>Erased on request (注销): personal data removed, remaining points forfeited, amounts kept for the totals.</summary>
    Erased,
}
