using Loyalty.Core.Programs;

namespace Loyalty.Core.Insights;

/// <summary>
/// Average order value of members by tier over the months a range touches (month buckets: a range from the 10th counts
/// the whole month). Members count by their current tier. Tiers follow the program's order, lowest first, then any tier
/// a member still holds that the program no longer has, by name.
/// </summary>
public static class OrderValueCalculator
{
    public static IReadOnlyList<TierOrderValue> ByTier(IEnumerable<MemberActivity> members, DateRange range, TierRules tiers)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(tiers);
        var (first, last) = (DateRange.MonthOf(range.From), DateRange.MonthOf(range.To));
        var byTier = members.GroupBy(m => m.Tier, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g =>
            {
                var buckets = g.SelectMany(m => m.Months).Where(b => b.Start >= first && b.Start <= last).ToList();
                return new TierOrderValue(g.Key, g.Count(), buckets.Sum(b => b.Count), buckets.Sum(b => b.Amount));
            },
            StringComparer.Ordinal);
        var known = tiers.Levels.Select(l => l.Name).ToList();
        var order = known.Concat(byTier.Keys.Except(known, StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return [.. order.Select(t => byTier.GetValueOrDefault(t) ?? new TierOrderValue(t, 0, 0, 0m))];
    }
}
