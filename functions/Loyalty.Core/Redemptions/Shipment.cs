namespace Loyalty.Core.Redemptions;

public sealed record Shipment(ShipmentStatus Status, ShippingAddress ShipTo, string? Carrier = null, string? TrackingNumber = null, DateTimeOffset? ShippedAt = null);

public enum ShipmentStatus
{
    AwaitingShipment,
    Shipped,
    Cancelled,
}
