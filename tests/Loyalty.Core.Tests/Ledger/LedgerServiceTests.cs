using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Loyalty.Core.Tests.Support.Accounts;

namespace Loyalty.Core.Tests.Ledger;

public sealed class LedgerServiceTests
{
    private readonly InMemoryLedgerStore _store = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly LedgerService _service;

    public LedgerServiceTests()
    {
        _service = new LedgerService(_store, _time);
        _store.CreateAccountAsync(New(), [], [], CancellationToken.None).GetAwaiter().GetResult();
    }

    private static EarnPoints Earn(string key, long points) => new(key, new EarnRequest(points, Now.AddYears(1), "test", key, null));

    [Fact]
    public async Task Replaying_an_operation_returns_the_first_result_and_writes_nothing()
    {
        var first = await _service.ExecuteAsync(Key, Earn("k1", 100), CancellationToken.None);
        var second = await _service.ExecuteAsync(Key, Earn("k1", 100), CancellationToken.None);

        Assert.False(first.Value!.Replayed);
        Assert.True(second.Value!.Replayed);
        Assert.Equal(first.Value.Entry!.EntryId, second.Value.Entry!.EntryId);
        Assert.Equal(1, _store.Commits);
    }

    [Fact]
    public async Task A_retry_after_an_ambiguous_failure_that_had_succeeded_returns_the_first_result()
    {
        _store.FailAfterNextCommit = true;

        var result = await _service.ExecuteAsync(Key, Earn("k1", 100), CancellationToken.None);

        Assert.True(result.Value!.Replayed);
        Assert.Equal(100, result.Value.Balance.Balance);
        Assert.Single(_store.Entries(Key));
    }

    [Fact]
    public async Task A_second_expiry_with_the_same_key_skips_the_idempotency_read_yet_replays_and_writes_nothing()
    {
        await _service.ExecuteAsync(Key, new EarnPoints("k1", new EarnRequest(70, Now.AddDays(1), "test", "k1", null)), CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(2));

        var first = await _service.ExecuteAsync(Key, new ExpirePoints("clearing:1"), CancellationToken.None);
        var second = await _service.ExecuteAsync(Key, new ExpirePoints("clearing:1"), CancellationToken.None);

        Assert.Equal((false, -70L), (first.Value!.Replayed, first.Value.Entry!.Delta));
        Assert.True(second.Value!.Replayed);
        Assert.Equal(first.Value.Entry.EntryId, second.Value.Entry!.EntryId);
        Assert.Equal(2, _store.Commits);
        Assert.Single(_store.Entries(Key), e => e.Type == LedgerEntryType.Expire);
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_a_conflict()
    {
        await _service.ExecuteAsync(Key, Earn("k1", 100), CancellationToken.None);

        var reused = await _service.ExecuteAsync(Key, Earn("k1", 999), CancellationToken.None);

        Assert.Equal("idempotency-key-reused", reused.Error?.Code);
    }

    [Fact]
    public async Task Unknown_member_is_not_found()
    {
        var result = await _service.ExecuteAsync(Key with { MemberId = "ghost" }, Earn("k", 1), CancellationToken.None);

        Assert.Equal("member-not-found", result.Error?.Code);
    }

    [Fact]
    public async Task Concurrent_spends_never_overdraw()
    {
        await _service.ExecuteAsync(Key, Earn("seed", 200), CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => _service.ExecuteAsync(Key, new SpendPoints($"s{i}", 10, null, null), CancellationToken.None))));

        Assert.Equal(20, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("insufficient-points", r.Error!.Code));
        Assert.Equal(0, (await _store.LoadAsync(Key, CancellationToken.None))!.Lots.Sum(l => l.Remaining));
    }

    [Fact]
    public async Task Business_failures_are_not_remembered_so_a_later_retry_can_succeed()
    {
        var spend = new SpendPoints("s1", 50, null, null);
        Assert.Equal("insufficient-points", (await _service.ExecuteAsync(Key, spend, CancellationToken.None)).Error?.Code);

        await _service.ExecuteAsync(Key, Earn("e1", 60), CancellationToken.None);

        Assert.True((await _service.ExecuteAsync(Key, spend, CancellationToken.None)).IsSuccess);
    }
}
