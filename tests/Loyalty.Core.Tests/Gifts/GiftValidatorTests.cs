using Loyalty.Core.Gifts;

namespace Loyalty.Core.Tests.Gifts;

public sealed class GiftValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 4, 0, 0, TimeSpan.Zero);

    private static GiftDefinition Valid(GiftKind kind = GiftKind.Physical) =>
        new("Mug", null, null, kind, 100, null, null, null, null, null, null, null, null, null);

    private static IEnumerable<string> Fields(GiftDefinition definition, string giftId = "mug") =>
        GiftValidator.Validate(giftId, definition).Select(e => e.Field);

    [Fact]
    public void A_minimal_physical_gift_is_valid()
    {
        Assert.Empty(Fields(Valid()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/id")]
    public void Gift_ids_are_row_key_safe(string giftId)
    {
        Assert.Equal(["giftId"], Fields(Valid(), giftId));
    }

    [Fact]
    public void Price_and_kind_are_required()
    {
        Assert.Equal(["kind", "pointsPrice"], Fields(Valid() with { Kind = null, PointsPrice = null }));
        Assert.Equal(["pointsPrice"], Fields(Valid() with { PointsPrice = GiftValidator.MaxPointsPrice + 1 }));
    }

    [Fact]
    public void Coupons_need_exactly_one_discount_and_a_validity()
    {
        Assert.Equal(["coupon"], Fields(Valid(GiftKind.Coupon)));
        Assert.Empty(Fields(Valid(GiftKind.Coupon) with { Coupon = new CouponTerms(5.5m, null, 30) }));
        Assert.Empty(Fields(Valid(GiftKind.Coupon) with { Coupon = new CouponTerms(null, 15, 30) }));
        Assert.Equal(["coupon"], Fields(Valid(GiftKind.Coupon) with { Coupon = new CouponTerms(5, 15, 30) }));
        Assert.Equal(["coupon.percentOff"], Fields(Valid(GiftKind.Coupon) with { Coupon = new CouponTerms(null, 100, 30) }));
        Assert.Equal(["coupon.amountOff"], Fields(Valid(GiftKind.Coupon) with { Coupon = new CouponTerms(0.001m, null, 30) }));
        Assert.Equal(["coupon.validDays"], Fields(Valid(GiftKind.Coupon) with { Coupon = new CouponTerms(5, null, 0) }));
        Assert.Equal(["coupon"], Fields(Valid() with { Coupon = new CouponTerms(5, null, 30) }));
    }

    [Fact]
    public void Services_need_their_terms()
    {
        Assert.Equal(["service"], Fields(Valid(GiftKind.Service)));
        Assert.Empty(Fields(Valid(GiftKind.Service) with { Service = new ServiceTerms(90, 60) }));
        Assert.Equal(["service.durationMinutes"], Fields(Valid(GiftKind.Service) with { Service = new ServiceTerms(90, 0) }));
        Assert.Equal(["service.validDays"], Fields(Valid(GiftKind.Service) with { Service = new ServiceTerms(3651, 60) }));
    }

    [Fact]
    public void Early_access_needs_a_general_opening_after_it_and_known_distinct_tiers()
    {
        Assert.Equal(["opensAt"], Fields(Valid() with { EarlyAccess = [new TierOpening("diamond", Now)] }));
        Assert.Empty(Fields(Valid() with { OpensAt = Now.AddDays(1), EarlyAccess = [new TierOpening("diamond", Now)] }));
        Assert.Equal(["earlyAccess"], Fields(Valid() with { OpensAt = Now, EarlyAccess = [new TierOpening("diamond", Now)] }));
        Assert.Equal(["earlyAccess"], Fields(Valid() with { OpensAt = Now.AddDays(1), EarlyAccess = [new TierOpening("platinum", Now)] }));
        Assert.Equal(["earlyAccess"], Fields(Valid() with { OpensAt = Now.AddDays(1), EarlyAccess = [new TierOpening("gold", Now), new TierOpening("GOLD", Now)] }));
    }

    [Fact]
    public void Visibility_must_end_after_it_starts_and_images_are_https()
    {
        Assert.Equal(["visibleUntil"], Fields(Valid() with { VisibleFrom = Now, VisibleUntil = Now }));
        Assert.Equal(["images"], Fields(Valid() with { Images = ["ftp://x/y.png"] }));
        Assert.Equal(["images"], Fields(Valid() with { Images = [.. Enumerable.Repeat("https://x/y.png", GiftValidator.MaxImages + 1)] }));
        Assert.Equal(["eligibleTiers"], Fields(Valid() with { EligibleTiers = ["vip"] }));
        Assert.Equal(["perMemberLimit"], Fields(Valid() with { PerMemberLimit = 0 }));
    }
}
