using Loyalty.Core.Insights;
using Loyalty.Core.Ledger;
using static Loyalty.Core.Tests.Insights.InsightsData;

namespace Loyalty.Core.Tests.Insights;

public sealed class RedemptionRatesTests
{
    private static readonly TenantDay[] January =
    [
        // earned 1000 - 100 refunded = 900; redeemed gift 200 + POS 100 = 300 (the transfer of 50 is no redemption)
        Day("2026-01-05") with
        {
            PointsByType = Points((LedgerEntryType.Earn, 1000), (LedgerEntryType.Refund, -100), (LedgerEntryType.Spend, -300), (LedgerEntryType.TransferOut, -50), (LedgerEntryType.TransferIn, 50)),
            SpentByChannel = Spent((SpendChannel.Gift, 200), (SpendChannel.PosCash, 100), (SpendChannel.Transfer, 50)),
        },
        // earned 600; redeemed lottery 30 + donation 70 = 100; expired 200; the manual +500 counts in none
        Day("2026-01-20") with
        {
            PointsByType = Points((LedgerEntryType.Earn, 600), (LedgerEntryType.Lottery, -30), (LedgerEntryType.Donation, -70), (LedgerEntryType.Expire, -200), (LedgerEntryType.Adjust, 500)),
            SpentByChannel = Spent((SpendChannel.Lottery, 30), (SpendChannel.Donation, 70)),
        },
        // outside the range
        Day("2026-02-01") with { PointsByType = Points((LedgerEntryType.Earn, 5000), (LedgerEntryType.Expire, -5000)) },
    ];

    [Fact]
    public void Rates_over_a_range_read_earned_redeemed_and_expired_as_the_readme_defines_them()
    {
        var rates = RedemptionRates.Over(January, Range("2026-01-01", "2026-01-31"));

        // earned 900 + 600 = 1500, redeemed 300 + 100 = 400, expired 200
        Assert.Equal((1500, 400, 200), (rates.Earned, rates.Redeemed, rates.Expired));
        Assert.Equal(0.2667m, rates.RedemptionRate.Value); // 400 / 1500 = 0.26666...
        Assert.Equal(0.1333m, rates.BreakageRate.Value); // 200 / 1500 = 0.13333...
        Assert.Equal(0.6667m, rates.SettledRedemptionRate.Value); // 400 / (400 + 200)
    }

    [Fact]
    public void A_redemption_rate_can_exceed_one_when_members_spend_older_points()
    {
        var days = new[] { Day("2026-03-01") with { PointsByType = Points((LedgerEntryType.Earn, 100)), SpentByChannel = Spent((SpendChannel.Gift, 250)) } };

        Assert.Equal(2.5m, RedemptionRates.Over(days, Range("2026-03-01", "2026-03-31")).RedemptionRate.Value); // 250 / 100
    }

    [Fact]
    public void An_empty_tenant_has_undefined_rates_not_zero()
    {
        var rates = RedemptionRates.Over([], Range("2026-01-01", "2026-12-31"));

        Assert.Null(rates.RedemptionRate.Value);
        Assert.Equal(Ratio.EmptyDenominator, rates.BreakageRate.UndefinedReason);
        Assert.Null(rates.SettledRedemptionRate.Value);
    }

    [Fact]
    public void Flow_totals_have_a_row_for_every_day_and_month_of_the_range()
    {
        var daily = PointsFlowTotals.Daily(January, Range("2026-01-04", "2026-01-06"));
        var monthly = PointsFlowTotals.Monthly(January, Range("2026-01-15", "2026-03-10"));

        Assert.Equal([D("2026-01-04"), D("2026-01-05"), D("2026-01-06")], daily.Select(d => d.Start));
        Assert.Equal((0, 0, 0), (daily[0].Earned, daily[0].Redeemed, daily[0].Expired));
        Assert.Equal((900, 300, 0), (daily[1].Earned, daily[1].Redeemed, daily[1].Expired));
        Assert.Equal(-50, daily[1].ByType[LedgerEntryType.TransferOut]);

        // January counts only the 15th on: the 20th (600 earned, 100 redeemed, 200 expired); February 5000/0/5000; March nothing.
        Assert.Equal([D("2026-01-01"), D("2026-02-01"), D("2026-03-01")], monthly.Select(m => m.Start));
        Assert.Equal((600, 100, 200), (monthly[0].Earned, monthly[0].Redeemed, monthly[0].Expired));
        Assert.Equal(500, monthly[0].ByType[LedgerEntryType.Adjust]);
        Assert.Equal((5000, 0, 5000), (monthly[1].Earned, monthly[1].Redeemed, monthly[1].Expired));
        Assert.Empty(monthly[2].ByType);
    }
}
