namespace Loyalty.Core.Gifts;

public enum GiftKind
{
    /// <summary>Goods shipped by the merchant: fulfilment waits for a tracking number.</summary>
    Physical,

    /// <summary>A code from a pool the merchant loaded (recharge cards, partner vouchers).</summary>
    Virtual,

    /// <summary>An amount-off or percent-off coupon issued by the platform, valid for a number of days.</summary>
    Coupon,

    /// <summary>A booking voucher for a service (a haircut, a spa hour).</summary>
    Service,
}
