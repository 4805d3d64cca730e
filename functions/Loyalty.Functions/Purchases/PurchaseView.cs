using Loyalty.Core.Purchases;

namespace Loyalty.Functions.Purchases;

/// <summary>What <c>GET /api/v1/purchases/{orderId}</c> shows.</summary>
public sealed record PurchaseView(
    string OrderId,
    string MemberId,
    PurchaseStatus Status,
    long Points,
    string? EntryId,
    DateTimeOffset? AvailableAt,
    string? Reason,
    int? ProgramVersion,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? ProcessedAt,
    string StatusUrl)
{
    public DateTimeOffset? CompletedAt { get; init; }

    public decimal RefundedCash { get; init; }

    public long PointsClawedBack { get; init; }

    /// <summary>Points that paid for the order, as its captured POS holds recorded them (known once credited).</summary>
    public long PointsPaid { get; init; }

    /// <summary>Of <see cref="PointsPaid"/>, what refunds or the cancellation gave back so far.</summary>
    public long PointsRestored { get; init; }

    public IReadOnlyList<string> HoldIds { get; init; } = [];

    public IReadOnlyList<string> Refunds { get; init; } = [];

    public static PurchaseView From(PurchaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(
            record.Purchase.OrderId,
            record.Purchase.MemberId,
            record.Status,
            record.Points,
            record.EntryId,
            record.AvailableAt,
            record.Reason,
            record.ProgramVersion,
            record.ReceivedAt,
            record.ProcessedAt,
            StatusUrlFor(record.Purchase.OrderId))
        {
            CompletedAt = record.CompletedAt,
            RefundedCash = record.RefundedCash,
            PointsClawedBack = record.PointsClawedBack,
            PointsPaid = record.Captured.Points,
            PointsRestored = record.PointsRestored,
            HoldIds = record.Purchase.HoldIds,
            Refunds = record.Refunds,
        };
    }

    public static string StatusUrlFor(string orderId) => $"/api/v1/purchases/{Uri.EscapeDataString(orderId)}";
}
