using Loyalty.Core.Insights;
using Loyalty.Core.Programs;
using static Loyalty.Core.Tests.Insights.InsightsData;

namespace Loyalty.Core.Tests.Insights;

public sealed class RepeatBusinessTests
{
    [Fact]
    public void Repeat_rate_counts_members_with_two_purchases_within_each_month()
    {
        MemberActivity[] members =
        [
            Buyer("a", "2026-02-03", ("2026-01", 3, 300m), ("2026-02", 1, 50m)),
            Buyer("b", "2026-01-09", ("2026-01", 1, 20m)),
            Buyer("c", "2026-01-30", ("2026-01", 2, 90m)),
            Buyer("d", "2025-12-30", ("2025-12", 5, 500m)), // before the range
        ];

        var months = RepeatPurchaseCalculator.Monthly(members, Range("2026-01-01", "2026-03-31"));

        Assert.Equal((3, 2, 0.6667m), (months[0].Buyers, months[0].RepeatBuyers, months[0].Rate.Value)); // January: a and c of a, b, c = 2/3
        Assert.Equal((1, 0, 0m), (months[1].Buyers, months[1].RepeatBuyers, months[1].Rate.Value)); // February: a once = 0/1
        Assert.Null(months[2].Rate.Value); // March: nobody bought
    }

    [Fact]
    public void Members_share_of_sales_needs_every_day_of_non_member_sales()
    {
        TenantDay[] days =
        [
            Day("2026-01-01") with { MemberSales = new(3, 200m), NonMemberSales = new(10, 500m) },
            Day("2026-01-02") with { MemberSales = new(1, 100m), NonMemberSales = new(2, 200m) },
        ];

        var share = MemberShareOfSales.Over(days, Range("2026-01-01", "2026-01-02"));
        var missingDay = MemberShareOfSales.Over(days, Range("2026-01-01", "2026-01-03"));
        var unreported = MemberShareOfSales.Over([days[0] with { NonMemberSales = null }], Range("2026-01-01", "2026-01-01"));

        // members 200 + 100 = 300 of 300 + 500 + 200 = 1000
        Assert.Equal((4, 300m, 0.3m), (share.Members.Orders, share.Members.Amount, share.Share));
        Assert.Null(missingDay.Share);
        Assert.Equal(MemberShareOfSales.NonMemberSalesUnknown, missingDay.UndefinedReason);
        Assert.Equal(MemberShareOfSales.NonMemberSalesUnknown, unreported.UndefinedReason);
        Assert.Null(share.UndefinedReason);
    }

    [Fact]
    public void Order_value_by_tier_follows_the_program_order_and_rounds_to_the_fen()
    {
        MemberActivity[] members =
        [
            Buyer("a", "2026-01-10", ("2026-01", 2, 100m)),
            Buyer("b", "2026-01-11", ("2026-01", 1, 50m), ("2025-06", 9, 9000m)),
            Buyer("c", "2026-01-12", ("2026-01", 1, 99.99m), ("2026-02", 2, 200m)) with { Tier = "gold" },
            Buyer("d", null) with { Tier = "vip" }, // a tier the program no longer has
        ];

        var byTier = OrderValueCalculator.ByTier(members, Range("2026-01-15", "2026-02-28"), new TierRules());

        Assert.Equal(["normal", "silver", "gold", "diamond", "vip"], byTier.Select(t => t.Tier));
        Assert.Equal((2, 3, 150m, 50.00m), (byTier[0].Members, byTier[0].Orders, byTier[0].Amount, byTier[0].AverageOrderValue)); // (100 + 50) / 3; June 2025 is outside
        Assert.Null(byTier[1].AverageOrderValue); // no silver member
        Assert.Equal((3, 299.99m, 100.00m), (byTier[2].Orders, byTier[2].Amount, byTier[2].AverageOrderValue)); // 299.99 / 3 = 99.9967
        Assert.Equal((1, 0), (byTier[4].Members, byTier[4].Orders));
    }
}
