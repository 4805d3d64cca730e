namespace Loyalty.Core.Insights.Projections;

/// <summary>
/// Where a tenant's projector is in the event feed. <see cref="Position"/> is the feed cursor after the last applied
/// batch, <see cref="Batch"/> the number of batches applied. Before applying a batch the projector records it as
/// <see cref="Pending"/> (how many events from <see cref="Position"/>, and the cursor after them): a projector that
/// crashed mid-batch re-reads exactly those events and re-applies batch <c>Batch + 1</c>, which every row that already
/// has it skips.
/// </summary>
public sealed record ProjectorCursor(string? Position, long Batch, PendingBatch? Pending = null, string? ETag = null)
{
    public static ProjectorCursor Start { get; } = new(null, 0);
}

/// <summary>A batch being applied: the first <see cref="Count"/> events after the cursor's position; <see cref="Next"/> is the feed cursor after them.</summary>
public sealed record PendingBatch(int Count, string Next);
