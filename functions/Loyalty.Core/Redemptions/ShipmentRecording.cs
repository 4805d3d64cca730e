namespace Loyalty.Core.Redemptions;

/// <summary>The input of the step that records a shipment the merchant reported.</summary>
public sealed record ShipmentRecording(RedemptionInput Input, ShipmentUpdate Update);
