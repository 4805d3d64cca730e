namespace Loyalty.Core.Insights;

/// <summary>Points earned (<see cref="PointsFlow.Earned"/>), member sales and one campaign's own points over a range of days.</summary>
public sealed record PeriodTotals(DateRange Range, long PointsIssued, SalesTally Sales, long CampaignPoints)
{
    public static PeriodTotals Over(IEnumerable<TenantDay> days, DateRange range, string? campaignId)
    {
        var inRange = PointsFlow.In(days, range).ToList();
        return new PeriodTotals(
            range,
            inRange.Sum(PointsFlow.Earned),
            inRange.Aggregate(SalesTally.None, (sum, d) => sum.Plus(d.MemberSales)),
            campaignId is null ? 0 : inRange.Sum(d => d.CampaignPoints.GetValueOrDefault(campaignId)));
    }
}
