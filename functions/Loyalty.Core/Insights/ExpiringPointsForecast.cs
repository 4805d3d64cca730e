namespace Loyalty.Core.Insights;

/// <summary>Points that will expire in each coming month, from the members' expiry schedules (<see cref="MemberActivity.Expiring"/>).</summary>
public static class ExpiringPointsForecast
{
    public const int MaxMonths = 36;

    /// <summary>One row per month from the month of <paramref name="today"/> on, <paramref name="months"/> rows, zeros included.</summary>
    public static IReadOnlyList<ExpiringPoints> ByMonth(IEnumerable<MemberActivity> members, DateOnly today, int months)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(months, MaxMonths);
        var totals = members.SelectMany(m => m.Expiring)
            .GroupBy(e => DateRange.MonthOf(e.Month))
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Points));
        var first = DateRange.MonthOf(today);
        return [.. Enumerable.Range(0, months).Select(i => first.AddMonths(i)).Select(m => new ExpiringPoints(m, totals.GetValueOrDefault(m)))];
    }
}
