using Loyalty.Core.Common;

namespace Loyalty.Core.Gifts;

/// <summary>The bounds of a gift definition, its coupon and service terms, stock adjustments and code loads.</summary>
public static class GiftBounds
{
    public const long MaxPointsPrice = 10_000_000;

    public const int MaxImages = 10;

    public const string CodePattern = "^[A-Za-z0-9_-]{4,64}$";

    /// <summary>A redemption code loaded into a gift's pool.</summary>
    public static readonly TextBound Code = new(64, CodePattern);

    public const long MaxStockDelta = 1_000_000;

    public const int MaxCodesPerLoad = 1000;

    public static readonly Bound PointsPrice = new(1, MaxPointsPrice);

    public static readonly Bound PerMemberLimit = new(1, 1000);

    public static readonly Bound Images = new(0, MaxImages);

    public static readonly Bound CouponAmountOff = new(0.01m, 100_000);

    public static readonly Bound CouponPercentOff = new(1, 99);

    public static readonly Bound ValidDays = new(1, 3650);

    public static readonly Bound CouponMinimumSpend = new(0, 100_000_000);

    public static readonly Bound ServiceDurationMinutes = new(1, 1440);

    /// <summary>Units added (negative: removed) by one stock adjustment; zero is refused too.</summary>
    public static readonly Bound StockDelta = new(-MaxStockDelta, MaxStockDelta);

    public static readonly Bound Codes = new(1, MaxCodesPerLoad);
}
