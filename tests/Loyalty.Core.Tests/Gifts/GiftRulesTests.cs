using Loyalty.Core.Gifts;

namespace Loyalty.Core.Tests.Gifts;

public sealed class GiftRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 4, 0, 0, TimeSpan.Zero);

    private static Gift Gift(long stock = 5) => new()
    {
        TenantId = "shop",
        GiftId = "mug",
        Name = "Mug",
        Kind = GiftKind.Physical,
        PointsPrice = 100,
        Stock = stock,
        CreatedAt = Now.AddDays(-1),
        UpdatedAt = Now.AddDays(-1),
    };

    [Fact]
    public void A_visible_gift_in_stock_is_reservable_by_anyone()
    {
        Assert.Null(GiftRules.CheckReservable(Gift(), "normal", 0, Now));
    }

    [Fact]
    public void The_last_unit_is_reservable_and_none_after_it()
    {
        Assert.Null(GiftRules.CheckReservable(Gift(stock: 1), "normal", 0, Now));
        Assert.Equal("out-of-stock", GiftRules.CheckReservable(Gift(stock: 0), "normal", 0, Now)?.Code);
    }

    [Theory]
    [InlineData(-1, 1, null)]
    [InlineData(1, 2, "gift-unavailable")]
    [InlineData(-2, -1, "gift-unavailable")]
    [InlineData(-1, 0, "gift-unavailable")]
    public void The_visibility_window_includes_its_start_and_excludes_its_end(int fromHours, int untilHours, string? expected)
    {
        var gift = Gift() with { VisibleFrom = Now.AddHours(fromHours), VisibleUntil = Now.AddHours(untilHours) };

        Assert.Equal(expected, GiftRules.CheckReservable(gift, "normal", 0, Now)?.Code);
    }

    [Fact]
    public void An_inactive_gift_is_unavailable()
    {
        Assert.Equal("gift-unavailable", GiftRules.CheckReservable(Gift() with { Active = false }, "normal", 0, Now)?.Code);
    }

    [Theory]
    [InlineData("normal", "tier-not-eligible")]
    [InlineData("silver", "tier-not-eligible")]
    [InlineData("gold", null)]
    [InlineData("DIAMOND", null)]
    public void Tier_exclusive_gifts_admit_only_the_listed_tiers(string tier, string? expected)
    {
        var gift = Gift() with { EligibleTiers = ["gold", "diamond"] };

        Assert.Equal(expected, GiftRules.CheckReservable(gift, tier, 0, Now)?.Code);
    }

    [Theory]
    [InlineData("normal", "gift-not-open-yet")]
    [InlineData("silver", "gift-not-open-yet")]
    [InlineData("gold", null)]
    [InlineData("diamond", null)]
    public void Early_access_opens_to_the_named_tier_and_every_tier_above_it(string tier, string? expected)
    {
        var gift = Gift() with { OpensAt = Now.AddDays(1), EarlyAccess = [new TierOpening("gold", Now.AddHours(-1))] };

        Assert.Equal(expected, GiftRules.CheckReservable(gift, tier, 0, Now)?.Code);
    }

    [Fact]
    public void Each_tier_opens_at_its_own_time_and_everyone_at_the_general_opening()
    {
        var opens = Now.AddDays(2);
        var gift = Gift() with
        {
            OpensAt = opens,
            EarlyAccess = [new TierOpening("diamond", Now), new TierOpening("gold", Now.AddDays(1))],
        };

        Assert.Equal(Now, GiftRules.OpensAtFor(gift, "diamond"));
        Assert.Equal(Now.AddDays(1), GiftRules.OpensAtFor(gift, "gold"));
        Assert.Equal(opens, GiftRules.OpensAtFor(gift, "silver"));
        Assert.Equal(opens, GiftRules.OpensAtFor(gift, "some-new-tier"));
        Assert.Null(GiftRules.CheckReservable(gift, "normal", 0, opens));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, null)]
    [InlineData(2, "member-limit-reached")]
    [InlineData(3, "member-limit-reached")]
    public void The_per_member_limit_counts_units_already_held(int held, string? expected)
    {
        Assert.Equal(expected, GiftRules.CheckReservable(Gift() with { PerMemberLimit = 2 }, "normal", held, Now)?.Code);
    }

    [Fact]
    public void Eligibility_is_checked_before_stock_so_a_sold_out_exclusive_gift_says_why_it_is_closed_to_you()
    {
        var gift = Gift(stock: 0) with { EligibleTiers = ["diamond"] };

        Assert.Equal("tier-not-eligible", GiftRules.CheckReservable(gift, "normal", 0, Now)?.Code);
    }
}
