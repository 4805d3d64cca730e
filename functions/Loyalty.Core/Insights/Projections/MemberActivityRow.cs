namespace Loyalty.Core.Insights.Projections;

/// <summary>
/// A member's stored activity summary: the highest per-member event sequence applied (state is never rolled back to an
/// older event), the projector batch that last wrote it (re-applying a batch after a crash is a no-op) and, after a
/// rebuild, the sequence the ledger was read up to (events up to it are already in the row and are skipped).
/// </summary>
public sealed record MemberActivityRow(MemberActivity Activity, long LastSequence, long LastBatch, long RebuiltThrough = 0, string? ETag = null)
{
    /// <summary>Whether <paramref name="sequence"/> (a ledger event's) is already counted by the rebuild that wrote this row.</summary>
    public bool Covers(long sequence) => sequence > 0 && sequence <= RebuiltThrough;
}
