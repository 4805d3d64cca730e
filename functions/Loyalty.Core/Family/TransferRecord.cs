namespace Loyalty.Core.Family;

public enum TransferStatus
{
    /// <summary>Recorded; the sender has not been debited yet.</summary>
    Pending,

    /// <summary>The sender was debited; the receiver's credit is still to be written (a retry completes it).</summary>
    Debited,

    Completed,

    /// <summary>Refused by a rule before any point moved.</summary>
    Failed,

    /// <summary>The receiver could not be credited; the points went back to the sender with their expiry.</summary>
    Returned,
}

/// <summary>
/// The durable record that drives a transfer across two member partitions: each ledger step is idempotent by
/// <c>transfer:{id}:out|in|return</c>, and the record says how far it got, so a retry resumes and nothing is lost.
/// </summary>
public sealed record TransferRecord
{
    public required string TenantId { get; init; }

    public required string TransferId { get; init; }

    public required string FromMemberId { get; init; }

    public required string ToMemberId { get; init; }

    public required long Points { get; init; }

    public string? Message { get; init; }

    public TransferStatus Status { get; init; } = TransferStatus.Pending;

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public IReadOnlyList<Ledger.LotPortion> Portions { get; init; } = [];

    public string? OutEntryId { get; init; }

    public string? InEntryId { get; init; }

    public string? FailureCode { get; init; }

    public string? FailureReason { get; init; }

    public string? ETag { get; init; }

    public bool SameRequest(TransferRecord other) =>
        other is not null && other.FromMemberId == FromMemberId && other.ToMemberId == ToMemberId && other.Points == Points && other.Message == Message;
}
