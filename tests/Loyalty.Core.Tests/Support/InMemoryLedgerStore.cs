using System.Collections.Concurrent;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;

namespace Loyalty.Core.Tests.Support;

/// <summary>A ledger store with Table Storage's batch semantics (all-or-nothing, ETag-guarded) for fast Core tests; the real store is tested against Azurite.</summary>
internal sealed class InMemoryLedgerStore : ILedgerStore
{
    private readonly ConcurrentDictionary<MemberKey, Partition> _partitions = new();

    public int Commits { get; private set; }

    /// <summary>When set, the next commit is applied but reported as a failure, like a timeout after the server wrote.</summary>
    public bool FailAfterNextCommit { get; set; }

    public Task<bool> CreateAccountAsync(MemberAccount account, IReadOnlyList<PointsLot> lots, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var partition = new Partition(account, lots.ToDictionary(l => l.LotId), [.. entries], [], Guid.NewGuid().ToString());
        return Task.FromResult(_partitions.TryAdd(account.Key, partition));
    }

    public Task<MemberLedgerState?> LoadAsync(MemberKey member, CancellationToken cancellationToken)
    {
        if (!_partitions.TryGetValue(member, out var p))
        {
            return Task.FromResult<MemberLedgerState?>(null);
        }

        lock (p)
        {
            return Task.FromResult<MemberLedgerState?>(new MemberLedgerState(p.Account, [.. p.Lots.Values], p.ETag) { Holds = [.. p.Holds.Values.Where(h => h.Status == HoldStatus.Active)] });
        }
    }

    public async Task<MemberAccount?> GetAccountAsync(MemberKey member, CancellationToken cancellationToken) =>
        (await LoadAsync(member, cancellationToken))?.Account;

    public Task<IdempotencyRecord?> FindIdempotencyAsync(MemberKey member, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (!_partitions.TryGetValue(member, out var p))
        {
            return Task.FromResult<IdempotencyRecord?>(null);
        }

        lock (p)
        {
            return Task.FromResult(p.Idempotency.GetValueOrDefault(idempotencyKey));
        }
    }

    public Task<CommitResult> CommitAsync(LedgerChangeSet changes, CancellationToken cancellationToken)
    {
        var p = _partitions[changes.Account.Key];
        lock (p)
        {
            if (p.ETag != changes.ExpectedETag)
            {
                return Task.FromResult(CommitResult.Conflict);
            }

            if (p.Idempotency.ContainsKey(changes.Idempotency.Key))
            {
                return Task.FromResult(CommitResult.DuplicateIdempotencyKey);
            }

            p.Account = changes.Account;
            p.ETag = Guid.NewGuid().ToString();
            p.Idempotency[changes.Idempotency.Key] = changes.Idempotency;
            p.Entries.AddRange(changes.Entries);
            foreach (var lot in changes.UpsertLots)
            {
                p.Lots[lot.LotId] = lot;
            }

            foreach (var lot in changes.DeleteLots)
            {
                p.Lots.Remove(lot.LotId);
            }

            foreach (var hold in changes.UpsertHolds)
            {
                p.Holds[hold.HoldId] = hold;
            }

            Commits++;
        }

        if (FailAfterNextCommit)
        {
            FailAfterNextCommit = false;
            throw new TimeoutException("The server wrote the batch but the response was lost.");
        }

        return Task.FromResult(CommitResult.Committed);
    }

    public Task<LedgerPage> QueryEntriesAsync(MemberKey member, LedgerQuery query, CancellationToken cancellationToken)
    {
        var p = _partitions[member];
        lock (p)
        {
            return Task.FromResult(new LedgerPage([.. p.Entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Sequence)], null));
        }
    }

    public Task<PointsHold?> FindHoldAsync(MemberKey member, string holdId, CancellationToken cancellationToken)
    {
        if (!_partitions.TryGetValue(member, out var p))
        {
            return Task.FromResult<PointsHold?>(null);
        }

        lock (p)
        {
            return Task.FromResult(p.Holds.GetValueOrDefault(holdId));
        }
    }

    public IReadOnlyList<LedgerEntry> Entries(MemberKey member)
    {
        var p = _partitions[member];
        lock (p)
        {
            return [.. p.Entries];
        }
    }

    private sealed class Partition(MemberAccount account, Dictionary<string, PointsLot> lots, List<LedgerEntry> entries, Dictionary<string, IdempotencyRecord> idempotency, string etag)
    {
        public MemberAccount Account { get; set; } = account;

        public Dictionary<string, PointsLot> Lots { get; } = lots;

        public List<LedgerEntry> Entries { get; } = entries;

        public Dictionary<string, IdempotencyRecord> Idempotency { get; } = idempotency;

        public string ETag { get; set; } = etag;

        public Dictionary<string, PointsHold> Holds { get; } = [];
    }
}
