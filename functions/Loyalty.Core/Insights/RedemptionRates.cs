namespace Loyalty.Core.Insights;

/// <summary>
/// What became of points over a range of days, as flows (<see cref="PointsFlow"/>):
/// <list type="bullet">
/// <item><see cref="RedemptionRate"/> (核销率) = redeemed / earned in the range — the figure merchants quote; it compares
/// the range's flows, so it can exceed 1 when members redeem points saved up before the range.</item>
/// <item><see cref="BreakageRate"/> = expired / earned in the range: the share of issuance that lapsed unused.</item>
/// <item><see cref="SettledRedemptionRate"/> = redeemed / (redeemed + expired): of the points whose fate was decided in
/// the range, the share that was used. Over the programme's whole life it equals redeemed / (earned − still live), the
/// cohort definition, without needing to know which lot each point came from.</item>
/// </list>
/// </summary>
public sealed record RedemptionRates(DateRange Range, long Earned, long Redeemed, long Expired)
{
    public Ratio RedemptionRate => new(Redeemed, Earned);

    public Ratio BreakageRate => new(Expired, Earned);

    public Ratio SettledRedemptionRate => new(Redeemed, Redeemed + Expired);

    public static RedemptionRates Over(IEnumerable<TenantDay> days, DateRange range)
    {
        var inRange = PointsFlow.In(days, range).ToList();
        return new RedemptionRates(range, inRange.Sum(PointsFlow.Earned), inRange.Sum(PointsFlow.Redeemed), inRange.Sum(PointsFlow.Expired));
    }
}
