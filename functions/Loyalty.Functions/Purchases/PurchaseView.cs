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
            Refunds = record.Refunds,
        };
    }

    public static string StatusUrlFor(string orderId) => $"/api/v1/purchases/{Uri.EscapeDataString(orderId)}";
}
