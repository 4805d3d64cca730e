namespace Loyalty.Core.Redemptions;

/// <summary>How long a physical redemption waits for the merchant to ship before it is cancelled and compensated.</summary>
public sealed record RedemptionSettings(TimeSpan ShippingDeadline)
{
    public static RedemptionSettings Default { get; } = new(TimeSpan.FromDays(14));
}
