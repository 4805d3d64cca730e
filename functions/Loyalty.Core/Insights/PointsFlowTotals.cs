using Loyalty.Core.Ledger;

namespace Loyalty.Core.Insights;

/// <summary>Daily and monthly totals of the points flow over a range: one row for every day (or month) of the range, zeros included, so a chart has no gaps.</summary>
public static class PointsFlowTotals
{
    public static IReadOnlyList<FlowTotal> Daily(IEnumerable<TenantDay> days, DateRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var byDate = PointsFlow.In(days, range).ToLookup(d => d.Date);
        return [.. Enumerable.Range(0, range.Days).Select(i => range.From.AddDays(i)).Select(date => Total(date, byDate[date]))];
    }

    /// <summary>Months the range only partly covers count only their days inside the range.</summary>
    public static IReadOnlyList<FlowTotal> Monthly(IEnumerable<TenantDay> days, DateRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var byMonth = PointsFlow.In(days, range).ToLookup(d => DateRange.MonthOf(d.Date));
        return [.. range.Months().Select(month => Total(month, byMonth[month]))];
    }

    private static FlowTotal Total(DateOnly start, IEnumerable<TenantDay> days)
    {
        var list = days.ToList();
        var byType = list.SelectMany(d => d.PointsByType)
            .GroupBy(p => p.Key)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        return new FlowTotal(start, list.Sum(PointsFlow.Earned), list.Sum(PointsFlow.Redeemed), list.Sum(PointsFlow.Expired), byType);
    }
}
