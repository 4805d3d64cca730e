using Loyalty.Core.Earning;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;

namespace Loyalty.Core.Tests.Earning;

public sealed class EarningRulesTests
{
    // 2026-06-10 is a Wednesday; 12:00 in Shanghai.
    private static readonly DateTimeOffset Noon = new(2026, 6, 10, 4, 0, 0, TimeSpan.Zero);

    private static Purchase Basket(params PurchaseLine[] lines) =>
        new("o-1", "m-1", "store-1", lines, lines.Sum(l => l.Amount), 0, Noon);

    private static PurchaseLine Line(string sku, string? category, decimal amount) => new(sku, category, 1, amount);

    private static ProgramRules Rules(Func<EarningRules, EarningRules> earning) => new() { Earning = earning(new EarningRules()) };

    private static long Points(Purchase purchase, ProgramRules rules, string tier = "normal", bool birthday = false) =>
        EarningCalculator.Calculate(purchase, rules, new EarningContext(tier, birthday)).Points;

    [Fact]
    public void Ladder_adds_the_highest_step_reached()
    {
        var rules = Rules(e => e with { BaseRatePoints = 0, Ladder = [new LadderStep(100, 10), new LadderStep(200, 25)] });

        Assert.Equal(0, Points(Basket(Line("a", null, 99.99m)), rules));
        Assert.Equal(10, Points(Basket(Line("a", null, 100m)), rules));
        Assert.Equal(25, Points(Basket(Line("a", null, 250m)), rules));
    }

    [Fact]
    public void Category_multiplier_applies_and_a_sku_multiplier_wins_over_it()
    {
        var rules = Rules(e => e with { CategoryMultipliers = new Dictionary<string, decimal> { ["beauty"] = 2 }, SkuMultipliers = new Dictionary<string, decimal> { ["serum"] = 3 } });

        Assert.Equal(20 + 30 + 10, Points(Basket(Line("cream", "beauty", 10), Line("serum", "beauty", 10), Line("bread", "food", 10)), rules));
    }

    [Fact]
    public void Excluded_lines_earn_nothing_and_do_not_reach_the_ladder()
    {
        var rules = Rules(e => e with { ExcludedCategories = ["giftcard"], ExcludedSkus = ["cigarettes"], Ladder = [new LadderStep(100, 50)] });

        var breakdown = EarningCalculator.Calculate(Basket(Line("card", "giftcard", 500), Line("cigarettes", "tobacco", 60), Line("tea", "drinks", 40)), rules);

        Assert.Equal(40, breakdown.Points);
        Assert.True(breakdown.Lines[0].Excluded);
        Assert.True(breakdown.Lines[1].Excluded);
        Assert.Equal(0, breakdown.LadderBonus);
    }

    [Fact]
    public void Only_the_cash_share_of_each_line_earns()
    {
        var purchase = Basket(Line("a", null, 60), Line("b", null, 40)) with { CashPaid = 50m, PointsPaid = 5000 };

        Assert.Equal(50, Points(purchase, new ProgramRules()));
    }

    [Fact]
    public void Member_day_campaign_applies_on_its_day_of_month_in_the_tenant_zone()
    {
        var rules = Rules(e => e with { Campaigns = [new Campaign { Id = "member-day", Multiplier = 2, DaysOfMonth = [8] }] });
        var lastSecondOf7th = new DateTimeOffset(2026, 6, 7, 15, 59, 59, TimeSpan.Zero);   // 23:59:59 on the 7th in Shanghai
        var firstSecondOf8th = new DateTimeOffset(2026, 6, 7, 16, 0, 0, TimeSpan.Zero);    // 00:00:00 on the 8th in Shanghai

        Assert.Equal(100, Points(Basket(Line("a", null, 100)) with { OccurredAt = lastSecondOf7th }, rules));
        Assert.Equal(200, Points(Basket(Line("a", null, 100)) with { OccurredAt = firstSecondOf8th }, rules));
    }

    [Fact]
    public void Campaign_windows_combine_date_range_days_of_week_and_specific_dates()
    {
        var range = new Campaign { Id = "summer", Multiplier = 2, StartDate = new DateOnly(2026, 6, 1), EndDate = new DateOnly(2026, 6, 30), DaysOfWeek = [3] };
        var holiday = new Campaign { Id = "holiday", Multiplier = 3, Dates = [new DateOnly(2026, 10, 1)] };

        Assert.True(range.IsActiveOn(new DateOnly(2026, 6, 10)));
        Assert.False(range.IsActiveOn(new DateOnly(2026, 6, 11)));
        Assert.False(range.IsActiveOn(new DateOnly(2026, 7, 1)));
        Assert.True(holiday.IsActiveOn(new DateOnly(2026, 10, 1)));
        Assert.False(holiday.IsActiveOn(new DateOnly(2026, 10, 2)));
    }

    [Fact]
    public void Campaigns_are_limited_to_their_stores_categories_and_tiers()
    {
        var rules = Rules(e => e with { Campaigns = [new Campaign { Id = "c", Multiplier = 2, Stores = ["store-1"], Categories = ["new"], Tiers = ["gold"] }] });
        var basket = Basket(Line("x", "new", 10), Line("y", "old", 10));

        // Gold earns ×1.5 on top; only gold buyers in store-1 get the campaign, and only on "new" goods.
        Assert.Equal(20, Points(basket, rules, tier: "normal"));
        Assert.Equal((20 + 10) * 1.5, Points(basket, rules, tier: "gold"));
        Assert.Equal((10 + 10) * 1.5, Points(basket with { StoreId = "store-2" }, rules, tier: "gold"));
    }

    [Theory]
    [InlineData(CampaignStacking.Highest, 300)]
    [InlineData(CampaignStacking.Multiply, 600)]
    public void Overlapping_campaigns_stack_as_configured(CampaignStacking stacking, long expected)
    {
        var rules = Rules(e => e with
        {
            CampaignStacking = stacking,
            Campaigns = [new Campaign { Id = "double", Multiplier = 2 }, new Campaign { Id = "triple-new", Multiplier = 3, Categories = ["new"] }],
        });

        Assert.Equal(expected, Points(Basket(Line("x", "new", 100)), rules));
    }

    [Fact]
    public void A_campaign_cap_limits_its_extra_points_and_the_order_cap_limits_the_total()
    {
        var capped = Rules(e => e with { Campaigns = [new Campaign { Id = "c", Multiplier = 5, MaxBonusPerOrder = 50 }] });
        var orderCap = Rules(e => e with { MaxPointsPerOrder = 120, Campaigns = [new Campaign { Id = "c", Multiplier = 5 }] });

        var breakdown = EarningCalculator.Calculate(Basket(Line("x", null, 100)), capped);

        Assert.Equal(150, breakdown.Points);
        Assert.True(breakdown.Campaigns.Single().Capped);
        Assert.Equal(120, Points(Basket(Line("x", null, 100)), orderCap));
    }

    [Fact]
    public void Tier_and_birthday_multiply_and_the_birthday_bonus_adds()
    {
        var rules = Rules(e => e with { Birthday = new BirthdayBenefit { Multiplier = 2, BonusPoints = 88 } });

        Assert.Equal(120, Points(Basket(Line("x", null, 100)), rules, tier: "silver"));
        Assert.Equal(240 + 88, Points(Basket(Line("x", null, 100)), rules, tier: "silver", birthday: true));
    }

    [Fact]
    public void Breakdown_explains_each_line()
    {
        var rules = Rules(e => e with { CategoryMultipliers = new Dictionary<string, decimal> { ["beauty"] = 2 } });

        var line = EarningCalculator.Calculate(Basket(Line("cream", "beauty", 10)), rules).Lines.Single();

        Assert.Equal((10m, 2m), (line.BasePoints, line.RuleMultiplier));
        Assert.Contains("× 2", line.Explanation, StringComparison.Ordinal);
    }
}
