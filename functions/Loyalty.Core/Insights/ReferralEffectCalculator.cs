namespace Loyalty.Core.Insights;

/// <summary>Computes <see cref="ReferralEffect"/> from the member summaries: referees are the members of the range with <see cref="MemberActivity.ReferredBy"/> set.</summary>
public static class ReferralEffectCalculator
{
    public const int MaxTop = 100;

    /// <summary>Top referrers by referees, then converted referees, then referee spend, then member id (so ties list the same way every time).</summary>
    public static ReferralEffect Compute(IReadOnlyCollection<MemberActivity> members, DateRange range, int top)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(range);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(top, MaxTop);
        var newMembers = members.Where(m => range.Contains(m.RegisteredOn)).ToList();
        var referees = newMembers.Where(m => m.ReferredBy is not null).ToList();
        var referrers = referees
            .GroupBy(m => m.ReferredBy!, StringComparer.Ordinal)
            .Select(g => new ReferrerEffect(g.Key, g.Count(), g.Count(m => m.PurchaseCount > 0), g.Sum(m => m.Spend)))
            .OrderByDescending(r => r.Referees).ThenByDescending(r => r.Converted).ThenByDescending(r => r.RefereeSpend).ThenBy(r => r.MemberId, StringComparer.Ordinal)
            .ToList();
        return new ReferralEffect(
            range,
            members.Count(m => m.RegisteredOn <= range.To),
            newMembers.Count,
            referees.Count,
            referees.Count(m => m.PurchaseCount > 0),
            referrers.Count,
            referees.Sum(m => m.Spend),
            [.. referrers.Take(top)]);
    }
}
