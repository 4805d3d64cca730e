using Loyalty.Core.Ledger;
using Loyalty.Core.Members;

namespace Loyalty.Infrastructure.Tests.Support;

/// <summary>
/// Throws once (an exception the ledger does not retry, unlike an I/O fault), as a process dying mid-saga would, on the first batch that records an entry of <paramref name="type"/>:
/// before the batch is sent (nothing written) or after it (written, the response lost). Every other call goes through.
/// </summary>
internal sealed class CrashingLedgerStore(ILedgerStore inner, LedgerEntryType type, bool afterWrite) : ILedgerStore
{
    public int Crashes { get; private set; }

    public Task<bool> CreateAccountAsync(MemberAccount account, IReadOnlyList<PointsLot> lots, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken) =>
        inner.CreateAccountAsync(account, lots, entries, cancellationToken);

    public Task<MemberLedgerState?> LoadAsync(MemberKey member, CancellationToken cancellationToken) => inner.LoadAsync(member, cancellationToken);

    public Task<MemberAccount?> GetAccountAsync(MemberKey member, CancellationToken cancellationToken) => inner.GetAccountAsync(member, cancellationToken);

    public Task<IdempotencyRecord?> FindIdempotencyAsync(MemberKey member, string idempotencyKey, CancellationToken cancellationToken) =>
        inner.FindIdempotencyAsync(member, idempotencyKey, cancellationToken);

    public async Task<CommitResult> CommitAsync(LedgerChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var crash = Crashes == 0 && changes.Entries.Any(e => e.Type == type);
        if (crash && !afterWrite)
        {
            Crashes++;
            throw new InvalidOperationException($"The process stopped before the {type} batch was sent.");
        }

        var result = await inner.CommitAsync(changes, cancellationToken);
        if (crash)
        {
            Crashes++;
            throw new InvalidOperationException($"The process stopped after the {type} batch was sent.");
        }

        return result;
    }

    public Task<LedgerPage> QueryEntriesAsync(MemberKey member, LedgerQuery query, CancellationToken cancellationToken) => inner.QueryEntriesAsync(member, query, cancellationToken);

    public Task<PointsHold?> FindHoldAsync(MemberKey member, string holdId, CancellationToken cancellationToken) => inner.FindHoldAsync(member, holdId, cancellationToken);
}
