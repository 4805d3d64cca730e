namespace Loyalty.Core.Redrive;

/// <summary>
/// An index of accepted purchases and refunds by the time they were received, written as an intent before the record
/// and removed once the work reached its end, so the re-driver finds work still queued without reading the records.
/// A row whose record never got written, or whose work ended without removing it, is harmless: the re-driver reads
/// the record and drops the row.
/// </summary>
public interface IQueuedWorkIndex
{
    /// <summary>Records the work as queued; an existing row keeps its re-drive count.</summary>
    Task AddAsync(QueuedWork work, CancellationToken cancellationToken);

    /// <summary>Safe to repeat.</summary>
    Task RemoveAsync(QueuedWork work, CancellationToken cancellationToken);

    /// <summary>At most <paramref name="max"/> rows received before <paramref name="receivedBefore"/> whose next look is due by <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<QueuedWork>> ListDueAsync(DateTimeOffset receivedBefore, DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Saves the row's new re-drive count and next look if it did not change since it was listed; false otherwise (another run or the processor got there first).</summary>
    Task<bool> TryUpdateAsync(QueuedWork work, CancellationToken cancellationToken);
}
