using Loyalty.Core.Gifts;

namespace Loyalty.Core.Redemptions;

/// <summary>What the member received: a pool code, an issued coupon or service voucher (with validity), or a shipment.</summary>
public sealed record Fulfilment(GiftKind Kind, DateTimeOffset At)
{
    public string? Code { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    public CouponTerms? Coupon { get; init; }

    public ServiceTerms? Service { get; init; }

    public Shipment? Shipment { get; init; }
}
