namespace Loyalty.Core.Insights;

/// <summary>
/// A campaign's effect: points issued and member sales during the campaign's days against the same number of days
/// right before it (a 7-day campaign from the 8th compares the 8th-14th with the 1st-7th). Changes are during / before − 1,
/// undefined when "before" had nothing. It measures the period, not the campaign alone: seasonality and other campaigns
/// in either period move it too.
/// </summary>
public sealed record CampaignEffect(PeriodTotals During, PeriodTotals Before)
{
    public Ratio PointsIssuedChange => Change(During.PointsIssued, Before.PointsIssued);

    public Ratio SalesAmountChange => Change(During.Sales.Amount, Before.Sales.Amount);

    public Ratio OrdersChange => Change(During.Sales.Orders, Before.Sales.Orders);

    public static CampaignEffect Compute(IEnumerable<TenantDay> days, DateRange campaign, string? campaignId = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var list = days as IReadOnlyCollection<TenantDay> ?? [.. days];
        return new CampaignEffect(PeriodTotals.Over(list, campaign, campaignId), PeriodTotals.Over(list, campaign.Preceding(), campaignId));
    }

    /// <summary>(during − before) / before, as a ratio so an empty "before" reads as undefined.</summary>
    private static Ratio Change(decimal during, decimal before) => new(during - before, before);
}
