using Loyalty.Core.Members;

namespace Loyalty.Core.Ledger;

/// <summary>A ledger store that adds something around the writes of another (a projection, the outbox relay) and passes every read through.</summary>
public abstract class DelegatingLedgerStore(ILedgerStore inner) : ILedgerStore
{
    protected ILedgerStore Inner { get; } = inner;

    public virtual Task<CommitResult> CommitAsync(LedgerChangeSet changes, CancellationToken cancellationToken) => Inner.CommitAsync(changes, cancellationToken);

    public virtual Task<bool> CreateAccountAsync(MemberAccount account, IReadOnlyList<PointsLot> lots, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken) =>
        Inner.CreateAccountAsync(account, lots, entries, cancellationToken);

    public Task<MemberLedgerState?> LoadAsync(MemberKey member, CancellationToken cancellationToken) => Inner.LoadAsync(member, cancellationToken);

    public Task<MemberAccount?> GetAccountAsync(MemberKey member, CancellationToken cancellationToken) => Inner.GetAccountAsync(member, cancellationToken);

    public Task<IdempotencyRecord?> FindIdempotencyAsync(MemberKey member, string idempotencyKey, CancellationToken cancellationToken) =>
        Inner.FindIdempotencyAsync(member, idempotencyKey, cancellationToken);

    public Task<LedgerPage> QueryEntriesAsync(MemberKey member, LedgerQuery query, CancellationToken cancellationToken) => Inner.QueryEntriesAsync(member, query, cancellationToken);

    public Task<PointsHold?> FindHoldAsync(MemberKey member, string holdId, CancellationToken cancellationToken) => Inner.FindHoldAsync(member, holdId, cancellationToken);
}
