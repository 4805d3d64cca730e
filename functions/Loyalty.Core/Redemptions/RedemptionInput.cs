namespace Loyalty.Core.Redemptions;

/// <summary>The orchestration's input (and every activity's): enough to find the redemption record, which holds the rest.</summary>
public sealed record RedemptionInput(string TenantId, string RedemptionId, string MemberId, string GiftId, TimeSpan ShippingDeadline);
