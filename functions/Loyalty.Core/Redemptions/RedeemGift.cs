namespace Loyalty.Core.Redemptions;

/// <summary>The body of <c>POST /api/v1/redemptions</c>. Optional fields so a missing one is named (422).</summary>
public sealed record RedeemGift(string? MemberId, string? GiftId, ShippingAddress? ShipTo);
