using Loyalty.Core.Events;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Outbox;

/// <summary>
/// The ledger with its outbox relayed: before a batch that carries events, the partition's intent is recorded (at most
/// once per member and minute); after it committed, the same request publishes the events and deletes the outbox row.
/// A relay failure never fails the operation — the change is committed, and the <c>RelayOutbox</c> timer finds the
/// row through the intent. Every ledger change goes through here, so every one is published, not just purchases.
/// </summary>
public sealed class OutboxLedgerStore(ILedgerStore inner, TableOutbox outbox) : DelegatingLedgerStore(inner)
{
    public override Task<CommitResult> CommitAsync(LedgerChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return outbox.WriteAsync(
            LoyaltyTables.Ledger,
            changes.Account.Key.PartitionKey,
            changes.Events,
            () => Inner.CommitAsync(changes, cancellationToken),
            result => result == CommitResult.Committed,
            cancellationToken);
    }

    public override Task<bool> CreateAccountAsync(MemberAccount account, IReadOnlyList<PointsLot> lots, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return outbox.WriteAsync(
            LoyaltyTables.Ledger,
            account.Key.PartitionKey,
            LedgerEvents.ForOpening(account, entries),
            () => Inner.CreateAccountAsync(account, lots, entries, cancellationToken),
            created => created,
            cancellationToken);
    }
}
