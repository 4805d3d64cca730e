namespace Loyalty.Core.Insights;

/// <summary>
/// The repeat-purchase rate (复购率) of members per calendar month (tenant zone): members with ≥2 purchases in the month
/// / members with ≥1. It is measured within the month, so a member who buys once in January and once in February
/// repeats in neither; that keeps each month's figure final once the month ends, and comparable from month to month.
/// </summary>
public static class RepeatPurchaseCalculator
{
    public static IReadOnlyList<MonthlyRepeatRate> Monthly(IEnumerable<MemberActivity> members, DateRange range)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(range);
        var months = range.Months().ToList();
        var buyers = new int[months.Count];
        var repeaters = new int[months.Count];
        var index = months.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i);
        foreach (var bucket in members.SelectMany(m => m.Months))
        {
            if (bucket.Count > 0 && index.TryGetValue(DateRange.MonthOf(bucket.Start), out var i))
            {
                buyers[i]++;
                repeaters[i] += bucket.Count >= 2 ? 1 : 0;
            }
        }

        return [.. months.Select((m, i) => new MonthlyRepeatRate(m, buyers[i], repeaters[i]))];
    }
}
