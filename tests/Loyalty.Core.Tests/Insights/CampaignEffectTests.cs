using Loyalty.Core.Insights;
using Loyalty.Core.Ledger;
using static Loyalty.Core.Tests.Insights.InsightsData;

namespace Loyalty.Core.Tests.Insights;

public sealed class CampaignEffectTests
{
    [Fact]
    public void A_campaign_is_compared_with_the_same_number_of_days_right_before_it()
    {
        TenantDay[] days =
        [
            Day("2025-12-31") with { PointsByType = Points((LedgerEntryType.Earn, 9999)), MemberSales = new(99, 9999m) }, // before "before"
            Day("2026-01-01") with { PointsByType = Points((LedgerEntryType.Earn, 400)), MemberSales = new(10, 1000m) },
            Day("2026-01-07") with { PointsByType = Points((LedgerEntryType.Earn, 600), (LedgerEntryType.Refund, -100)), MemberSales = new(10, 1000m) },
            Day("2026-01-08") with { PointsByType = Points((LedgerEntryType.Earn, 1500)), MemberSales = new(15, 1800m), CampaignPoints = new Dictionary<string, long> { ["double-week"] = 700 } },
            Day("2026-01-14") with { PointsByType = Points((LedgerEntryType.Earn, 500)), MemberSales = new(9, 1200m), CampaignPoints = new Dictionary<string, long> { ["double-week"] = 250, ["other"] = 5 } },
        ];

        var effect = CampaignEffect.Compute(days, Range("2026-01-08", "2026-01-14"), "double-week");

        Assert.Equal(Range("2026-01-01", "2026-01-07"), effect.Before.Range);
        // during: 1500 + 500 = 2000 points, 24 orders, 3000 yuan, campaign 950; before: 400 + 600 - 100 = 900, 20 orders, 2000 yuan
        Assert.Equal((2000L, 24, 3000m, 950L), (effect.During.PointsIssued, effect.During.Sales.Orders, effect.During.Sales.Amount, effect.During.CampaignPoints));
        Assert.Equal((900L, 20, 2000m, 0L), (effect.Before.PointsIssued, effect.Before.Sales.Orders, effect.Before.Sales.Amount, effect.Before.CampaignPoints));
        Assert.Equal(1.2222m, effect.PointsIssuedChange.Value); // 2000 / 900 - 1 = 1.2222
        Assert.Equal(0.5m, effect.SalesAmountChange.Value); // 3000 / 2000 - 1
        Assert.Equal(0.2m, effect.OrdersChange.Value); // 24 / 20 - 1
    }

    [Fact]
    public void Nothing_before_the_campaign_leaves_the_change_undefined()
    {
        var effect = CampaignEffect.Compute([Day("2026-01-08") with { MemberSales = new(1, 10m) }], Range("2026-01-08", "2026-01-08"));

        Assert.Null(effect.SalesAmountChange.Value);
        Assert.Equal(Ratio.EmptyDenominator, effect.SalesAmountChange.UndefinedReason);
    }
}
