using Loyalty.Core.Pos;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;
using static Loyalty.Core.Tests.Support.Accounts;

namespace Loyalty.Core.Tests.Pos;

public sealed class PointsCashCalculatorTests
{
    private static ProgramRules Rules(PointsCashRules cash) => new() { Cash = cash };

    private static PointsQuote Quote(PointsCashRules cash, long available, string tier = "normal", params PurchaseLine[] lines) =>
        PointsCashCalculator.Quote("m", tier, available, lines, Rules(cash), Now);

    [Fact]
    public void Points_pay_at_most_the_configured_share_of_the_order()
    {
        var quote = Quote(new PointsCashRules { PointsPerYuan = 100, MaxShareOfOrder = 0.5m }, 100_000, "normal", new PurchaseLine("a", "food", 1, 80m));

        Assert.Equal((4000L, 40m, 40m, "order-cap"), (quote.MaxPoints, quote.MaxCashValue, quote.CashToPay, quote.Limit));
    }

    [Fact]
    public void Available_points_limit_the_quote()
    {
        var quote = Quote(new PointsCashRules(), 1234, "normal", new PurchaseLine("a", null, 1, 80m));

        Assert.Equal((1234L, 12.34m, "available-points"), (quote.MaxPoints, quote.MaxCashValue, quote.Limit));
    }

    [Fact]
    public void Excluded_categories_cannot_be_paid_with_points()
    {
        var cash = new PointsCashRules { MaxShareOfOrder = 1m, ExcludedCategories = ["tobacco"] };

        var quote = Quote(cash, 100_000, "normal", new PurchaseLine("cig", "Tobacco", 1, 50m), new PurchaseLine("tea", "drinks", 2, 5m));

        Assert.Equal((10m, 1000L), (quote.EligibleAmount, quote.MaxPoints));
        Assert.True(quote.Lines[0].PointsExcluded);
    }

    [Fact]
    public void Below_the_minimum_no_points_can_be_used()
    {
        var quote = Quote(new PointsCashRules { MinPoints = 500 }, 499, "normal", new PurchaseLine("a", null, 1, 100m));

        Assert.Equal((0L, 0m, "below-minimum-points"), (quote.MaxPoints, quote.MaxCashValue, quote.Limit));
    }

    [Fact]
    public void No_point_is_charged_for_a_fraction_of_a_fen()
    {
        var quote = Quote(new PointsCashRules { PointsPerYuan = 1000, MaxShareOfOrder = 1m }, 1_239, "normal", new PurchaseLine("a", null, 1, 100m));

        Assert.Equal((1230L, 1.23m), (quote.MaxPoints, quote.MaxCashValue));
        Assert.True(PointsCashCalculator.IsWholeFen(1230, 1000));
        Assert.False(PointsCashCalculator.IsWholeFen(1239, 1000));
    }

    [Fact]
    public void Member_price_and_tier_discount_do_not_stack_the_better_one_applies_per_line()
    {
        var cash = new PointsCashRules
        {
            MemberPrices = new Dictionary<string, decimal> { ["drinks"] = 0.8m },
            TierDiscounts = new Dictionary<string, decimal> { ["gold"] = 0.9m },
        };

        var quote = Quote(cash, 0, "gold", new PurchaseLine("tea", "drinks", 1, 10m), new PurchaseLine("cake", "bakery", 3, 3.33m));

        Assert.Equal([("member-price", 8m), ("tier-discount", 8.99m)], quote.Lines.Select(l => (l.Pricing, l.PayableAmount)));
        Assert.Equal((19.99m, 16.99m, 3m), (quote.ListTotal, quote.Total, quote.Savings));
    }

    [Fact]
    public void Without_a_cash_section_override_the_tier_levels_discount_rate_applies()
    {
        var quote = Quote(new PointsCashRules(), 0, "gold", new PurchaseLine("a", null, 1, 100m));

        Assert.Equal(("tier-discount", 95m), (quote.Lines[0].Pricing, quote.Total));
    }

    [Fact]
    public void The_quote_shows_what_the_cash_part_earns()
    {
        var quote = Quote(new PointsCashRules { MaxShareOfOrder = 0.5m }, 100_000, "normal", new PurchaseLine("a", null, 1, 99.99m));

        Assert.Equal((4999L, 50.00m, 50L), (quote.MaxPoints, quote.CashToPay, quote.PointsEarnedOnCash));
    }

    [Fact]
    public void Disabled_points_as_cash_quotes_nothing()
    {
        var quote = Quote(new PointsCashRules { Enabled = false }, 10_000, "normal", new PurchaseLine("a", null, 1, 10m));

        Assert.Equal((0L, "points-as-cash-disabled"), (quote.MaxPoints, quote.Limit));
    }

    [Fact]
    public void Hold_ids_name_their_member_and_reject_anything_else()
    {
        var id = HoldIds.For("m.1", "key-1");

        Assert.Equal("m.1", HoldIds.Member("t", id)!.MemberId);
        Assert.Equal(id, HoldIds.For("m.1", "key-1"));
        Assert.Null(HoldIds.Member("t", "m.1~nothex"));
        Assert.Null(HoldIds.Member("t", "no-separator"));
        Assert.Null(HoldIds.Member("t", "bad member~" + new string('a', 24)));
    }
}
