using CsCheck;
using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Members;
using Loyalty.Infrastructure.Tables;
using Loyalty.Infrastructure.Tests.Support;
using Loyalty.Testing;
using Loyalty.Testing.Ledger;
using Microsoft.Extensions.Time.Testing;

namespace Loyalty.Infrastructure.Tests.Tables;

/// <summary>The ledger's promises against a real Azurite: no overdraft under contention, once-only credits, invariants over random histories.</summary>
public sealed class LedgerConcurrencyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly StorageContext _storage = new(azurite);

    private TableLedgerStore Store => new(_storage.Tables, _storage.Cipher);

    private async Task<MemberKey> NewMemberAsync(LedgerService service, long points)
    {
        var key = new MemberKey("shop", "m-" + Guid.NewGuid().ToString("N")[..12]);
        Assert.True(await Store.CreateAccountAsync(new MemberAccount { Key = key, RegisteredAt = DateTimeOffset.UtcNow }, [], [], CancellationToken.None));
        Assert.True((await service.ExecuteAsync(key, new EarnPoints("seed", new EarnRequest(points, DateTimeOffset.UtcNow.AddYears(1), "seed", null, null)), CancellationToken.None)).IsSuccess);
        return key;
    }

    [Fact]
    public async Task Fifty_concurrent_spends_of_ten_against_two_hundred_points_let_exactly_twenty_through()
    {
        var service = new LedgerService(Store, TimeProvider.System);
        var member = await NewMemberAsync(service, 200);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => service.ExecuteAsync(member, new SpendPoints($"spend-{i}", 10, $"order-{i}", null), CancellationToken.None))));

        Assert.Equal(20, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("insufficient-points", r.Error!.Code));
        var state = (await Store.LoadAsync(member, CancellationToken.None))!;
        Assert.Equal(0, state.Lots.Sum(l => l.Remaining));
        var entries = (await Store.QueryEntriesAsync(member, new LedgerQuery(PageSize: 1000), CancellationToken.None)).Entries;
        Assert.Equal(21, entries.Count);
        Assert.Equal(0, entries.Sum(e => e.Delta));
        Assert.Equal(200, state.Account.LifetimeSpent);
        Assert.Equal(Enumerable.Range(0, 21).Select(i => 200L - (10 * i)).Order(), entries.Select(e => e.BalanceAfter).Order());
    }

    [Fact]
    public async Task The_same_credit_delivered_twenty_times_sequentially_and_concurrently_credits_once()
    {
        var service = new LedgerService(Store, TimeProvider.System);
        var member = await NewMemberAsync(service, 1);
        var credit = new EarnPoints("purchase:o-1", new EarnRequest(88, DateTimeOffset.UtcNow.AddYears(1), "purchase", "o-1", null) { Mergeable = false });

        var sequential = new List<LedgerOutcome>();
        for (var i = 0; i < 20; i++)
        {
            sequential.Add((await service.ExecuteAsync(member, credit, CancellationToken.None)).Value!);
        }

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => service.ExecuteAsync(member, credit, CancellationToken.None))));

        Assert.Single(sequential.Concat(concurrent.Select(c => c.Value!)).Select(o => o.Entry!.EntryId).Distinct());
        Assert.Equal(19, sequential.Count(o => o.Replayed));
        Assert.All(concurrent, c => Assert.True(c.Value!.Replayed));
        Assert.Equal(89, (await Store.LoadAsync(member, CancellationToken.None))!.Lots.Sum(l => l.Remaining));
        Assert.Equal(2, (await Store.QueryEntriesAsync(member, new LedgerQuery(), CancellationToken.None)).Entries.Count);
    }

    [Fact]
    public async Task Concurrent_first_deliveries_of_one_credit_write_it_once()
    {
        var service = new LedgerService(Store, TimeProvider.System);
        var member = await NewMemberAsync(service, 1);
        var credit = new EarnPoints("purchase:o-2", new EarnRequest(50, DateTimeOffset.UtcNow.AddYears(1), "purchase", "o-2", null) { Mergeable = false });

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => service.ExecuteAsync(member, credit, CancellationToken.None))));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Single(results.Select(r => r.Value!.Entry!.EntryId).Distinct());
        Assert.Equal(19, results.Count(r => r.Value!.Replayed));
        Assert.Equal(51, (await Store.LoadAsync(member, CancellationToken.None))!.Lots.Sum(l => l.Remaining));
    }

    [Fact]
    public async Task A_retry_after_a_batch_that_landed_but_reported_failure_returns_the_first_result()
    {
        var flaky = new LostResponseStore(Store);
        var service = new LedgerService(flaky, TimeProvider.System);
        var member = await NewMemberAsync(new LedgerService(Store, TimeProvider.System), 100);

        flaky.LoseNextResponse = true;
        var spent = await service.ExecuteAsync(member, new SpendPoints("spend-once", 30, null, null), CancellationToken.None);

        Assert.True(spent.Value!.Replayed);
        Assert.Equal(70, spent.Value.Balance.Balance);
        Assert.Equal(70, (await Store.LoadAsync(member, CancellationToken.None))!.Lots.Sum(l => l.Remaining));
    }

    [Fact]
    public void Random_histories_against_Azurite_keep_every_invariant()
    {
        LedgerOperation.Generator.Array[1, 25].Sample(
            history =>
            {
                var runner = new LedgerHistoryRunner(Store, new FakeTimeProvider(DateTimeOffset.UtcNow));
                runner.RunAsync(new MemberKey("prop", Guid.NewGuid().ToString("N")), history).GetAwaiter().GetResult();
            },
            iter: 25,
            threads: 1);
    }

    /// <summary>Writes the batch, then throws as if the response had been lost on the way back (the classic ETag-retry trap).</summary>
    private sealed class LostResponseStore(ILedgerStore inner) : ILedgerStore
    {
        public bool LoseNextResponse { get; set; }

        public Task<bool> CreateAccountAsync(MemberAccount account, IReadOnlyList<PointsLot> lots, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken) =>
            inner.CreateAccountAsync(account, lots, entries, cancellationToken);

        public Task<MemberLedgerState?> LoadAsync(MemberKey member, CancellationToken cancellationToken) => inner.LoadAsync(member, cancellationToken);

        public Task<MemberAccount?> GetAccountAsync(MemberKey member, CancellationToken cancellationToken) => inner.GetAccountAsync(member, cancellationToken);

        public Task<IdempotencyRecord?> FindIdempotencyAsync(MemberKey member, string idempotencyKey, CancellationToken cancellationToken) =>
            inner.FindIdempotencyAsync(member, idempotencyKey, cancellationToken);

        public async Task<CommitResult> CommitAsync(LedgerChangeSet changes, CancellationToken cancellationToken)
        {
            var result = await inner.CommitAsync(changes, cancellationToken);
            if (LoseNextResponse)
            {
                LoseNextResponse = false;
                throw new IOException("Connection reset after the batch was sent.");
            }

            return result;
        }

        public Task<LedgerPage> QueryEntriesAsync(MemberKey member, LedgerQuery query, CancellationToken cancellationToken) => inner.QueryEntriesAsync(member, query, cancellationToken);

        public Task<PointsHold?> FindHoldAsync(MemberKey member, string holdId, CancellationToken cancellationToken) => inner.FindHoldAsync(member, holdId, cancellationToken);
    }
}
