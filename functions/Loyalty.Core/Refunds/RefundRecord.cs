namespace Loyalty.Core.Refunds;

/// <summary>An accepted refund and what it does to points, fixed when it was accepted so processing is a pure replay.</summary>
public sealed record RefundRecord
{
    public required string TenantId { get; init; }

    public required string RefundId { get; init; }

    public required string OrderId { get; init; }

    public required string MemberId { get; init; }

    public required string Fingerprint { get; init; }

    public required RefundStatus Status { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Cash given back to the customer.</summary>
    public decimal CashRefunded { get; init; }

    public IReadOnlyDictionary<string, decimal> Quantities { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Earned points taken back, proportional to the cash refunded.</summary>
    public long PointsToClawBack { get; init; }

    /// <summary>Points the member had paid with for the returned lines, given back.</summary>
    public long PointsToRestore { get; init; }

    /// <summary>The same points by the expiry they had when the order's POS holds took them.</summary>
    public IReadOnlyList<Ledger.LotPortion> Restore { get; init; } = [];

    public string? EntryId { get; init; }

    public long DebtCreated { get; init; }

    public DateTimeOffset? ProcessedAt { get; init; }

    public string? Reason { get; init; }

    public string? ETag { get; init; }
}
