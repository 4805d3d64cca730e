using Loyalty.Core.Redemptions;

namespace Loyalty.Functions.Redemptions;

/// <summary>Section <c>Redemptions</c>.</summary>
public sealed class RedemptionOptions
{
    public const string Section = "Redemptions";

    public static readonly TimeSpan MaxShippingDeadline = TimeSpan.FromDays(365);

    /// <summary>How long a physical gift may wait to ship before the redemption is compensated (e.g. <c>14.00:00:00</c>).</summary>
    public TimeSpan ShippingDeadline { get; set; } = RedemptionSettings.Default.ShippingDeadline;
}
