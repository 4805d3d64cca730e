using Loyalty.Core.Events;
using Loyalty.Core.Members;

namespace Loyalty.Core.Ledger;

/// <summary>Everything one operation writes to one member's partition; the store writes it as one transaction guarded by <see cref="ExpectedETag"/>.</summary>
public sealed record LedgerChangeSet(
    MemberAccount Account,
    string ExpectedETag,
    IReadOnlyList<PointsLot> UpsertLots,
    IReadOnlyList<PointsLot> DeleteLots,
    IReadOnlyList<LedgerEntry> Entries,
    IdempotencyRecord Idempotency)
{
    /// <summary>Rows in the batch: account + idempotency + entries + lots + holds + one outbox row holding the events. Azure caps an entity-group transaction at 100.</summary>
    public int RowCount => 2 + Entries.Count + UpsertLots.Count + DeleteLots.Count + UpsertHolds.Count + (Events.Count > 0 ? 1 : 0);

    /// <summary>
    /// The batch's events (the outbox): written in the same transaction, so they exist exactly when the change committed.
    /// <see cref="Account"/>'s <see cref="MemberAccount.EventSequence"/> already counts them.
    /// </summary>
    public IReadOnlyList<LoyaltyEvent> Events { get; init; } = [];

    /// <summary>Hold rows created or closed by the operation.</summary>
    public IReadOnlyList<PointsHold> UpsertHolds { get; init; } = [];

    public const int MaxRows = 100;
}
