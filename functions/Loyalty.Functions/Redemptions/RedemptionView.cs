using Loyalty.Core.Gifts;
using Loyalty.Core.Members;
using Loyalty.Core.Redemptions;

namespace Loyalty.Functions.Redemptions;

/// <summary>What <c>GET /api/v1/redemptions/{id}</c> shows: each step's state, what was delivered, and why it failed if it did.</summary>
public sealed record RedemptionView(
    string RedemptionId,
    string MemberId,
    string GiftId,
    string GiftName,
    GiftKind Kind,
    long Points,
    RedemptionStatus Status,
    IReadOnlyDictionary<string, RedemptionStep> Steps,
    Fulfilment? Fulfilment,
    string? DebitEntryId,
    string? RefundEntryId,
    string? FailureCode,
    string? FailureReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    string? RuntimeStatus,
    string StatusUrl)
{
    public static RedemptionView From(RedemptionRecord record, string? runtimeStatus = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(
            record.RedemptionId,
            record.MemberId,
            record.GiftId,
            record.GiftName,
            record.Kind,
            record.Points,
            record.Status,
            record.Steps,
            Masked(record.Fulfilment),
            record.DebitEntryId,
            record.RefundEntryId,
            record.FailureCode,
            record.FailureReason,
            record.CreatedAt,
            record.UpdatedAt,
            record.FinishedAt,
            runtimeStatus,
            StatusUrlFor(record.RedemptionId));
    }

    public static string StatusUrlFor(string redemptionId) => $"/api/v1/redemptions/{redemptionId}";

    // The courier's phone number is shown masked, like every phone number the API returns.
    private static Fulfilment? Masked(Fulfilment? fulfilment) =>
        fulfilment?.Shipment is { } shipment
            ? fulfilment with { Shipment = shipment with { ShipTo = shipment.ShipTo with { Phone = PhoneNumber.Parse(shipment.ShipTo.Phone)?.Masked } } }
            : fulfilment;
}
