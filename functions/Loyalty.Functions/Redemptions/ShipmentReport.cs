namespace Loyalty.Functions.Redemptions;

/// <summary>The body of <c>POST /api/v1/redemptions/{id}/shipment</c>.</summary>
public sealed record ShipmentReport(string? Carrier, string? TrackingNumber);

/// <summary>The (optional) body of <c>POST /api/v1/redemptions/{id}/cancel</c>.</summary>
public sealed record CancelRequest(string? Reason);
