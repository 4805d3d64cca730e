using Loyalty.Core.Ledger;

namespace Loyalty.Core.Members;

public enum MergeStatus
{
    /// <summary>Recorded; the source has not given up its points yet.</summary>
    Pending,

    /// <summary>The source is closed and its points left with the merge-out entry; the target's credit is still to be written (a retry completes it).</summary>
    MovedOut,

    Completed,

    /// <summary>Refused before anything moved (the source's points were in motion, owed or frozen).</summary>
    Failed,

    /// <summary>The target could no longer take the points (erased or merged away meanwhile): the source was reopened with them.</summary>
    Returned,
}

/// <summary>
/// The durable record that drives a merge across two member partitions (one per source member: an account is merged
/// away once). Each ledger step is idempotent by <c>merge:{source}:out|in</c> and the record says how far it got, so a
/// retry resumes where a crash stopped it and nothing moves twice.
/// </summary>
public sealed record MergeRecord
{
    public required string TenantId { get; init; }

    /// <summary>The source member id: one merge per source.</summary>
    public required string MergeId { get; init; }

    public required string FromMemberId { get; init; }

    public required string ToMemberId { get; init; }

    public MergeStatus Status { get; init; } = MergeStatus.Pending;

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Points moved, by expiry.</summary>
    public IReadOnlyList<LotPortion> Portions { get; init; } = [];

    public long Points { get; init; }

    public string? OutEntryId { get; init; }

    public string? InEntryId { get; init; }

    public string? FailureCode { get; init; }

    public string? FailureReason { get; init; }

    public string? ETag { get; init; }

    /// <summary>Between its first step and its end: the source or the target may still change because of it.</summary>
    public static bool InFlight(MergeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Status is MergeStatus.Pending or MergeStatus.MovedOut;
    }
}
