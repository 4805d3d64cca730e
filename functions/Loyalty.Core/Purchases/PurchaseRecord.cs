namespace Loyalty.Core.Purchases;

/// <summary>The tracked state of one submitted order, shown by <c>GET /api/v1/purchases/{orderId}</c>.</summary>
public sealed record PurchaseRecord
{
    public required string TenantId { get; init; }

    public required Purchase Purchase { get; init; }

    /// <summary>Hash of the submitted order: the same order id with different contents is a conflict, not a retry.</summary>
    public required string Fingerprint { get; init; }

    public required PurchaseStatus Status { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset? ProcessedAt { get; init; }

    public long Points { get; init; }

    public string? EntryId { get; init; }

    public string? LotId { get; init; }

    public DateTimeOffset? AvailableAt { get; init; }

    public int? ProgramVersion { get; init; }

    public string? Reason { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Cash refunded so far, by all refunds accepted for the order.</summary>
    public decimal RefundedCash { get; init; }

    /// <summary>Quantities returned so far, by SKU.</summary>
    public IReadOnlyDictionary<string, decimal> RefundedQuantities { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Points taken back so far (cumulative), so partial refunds never claw more than the order earned.</summary>
    public long PointsClawedBack { get; init; }

    /// <summary>The points the order's captured POS holds took, checked against the ledger when it was credited: the most refunds and a cancellation can ever give back.</summary>
    public CapturedPoints Captured { get; init; } = CapturedPoints.None;

    /// <summary>Points the member paid with that refunds (or the cancellation) gave back so far; never more than <see cref="Captured"/>.</summary>
    public long PointsRestored { get; init; }

    /// <summary>What cancelling the order took back and gave back, fixed on the record before the ledger applies it.</summary>
    public OrderCancellation? Cancellation { get; init; }

    public IReadOnlyList<string> Refunds { get; init; } = [];

    /// <summary>The figures of every refund counted above, by refund: what its processing applies to the ledger.</summary>
    public IReadOnlyList<OrderRefund> RefundFigures { get; init; } = [];

    /// <summary>Opaque concurrency token of the stored row.</summary>
    public string? ETag { get; init; }
}
