namespace Loyalty.Core.Redemptions;

/// <summary>The external event a waiting physical redemption receives: shipped (with tracking) or cancelled.</summary>
public sealed record ShipmentUpdate(bool Shipped, string? Carrier, string? TrackingNumber, string? Reason)
{
    public const string EventName = "shipment";
}
