using Azure.Data.Tables;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Members;
using Loyalty.Infrastructure.Storage;
using Loyalty.Infrastructure.Tables;
using Loyalty.Infrastructure.Tests.Support;
using Loyalty.Testing;

namespace Loyalty.Infrastructure.Tests.Tables;

public sealed class TableLedgerStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly StorageContext _storage = new(azurite);
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow.AddMinutes(1);

    private TableLedgerStore Store => new(_storage.Tables, _storage.Cipher);

    private async Task<MemberKey> NewMemberAsync(long points = 0)
    {
        var key = new MemberKey("shop", "m-" + Guid.NewGuid().ToString("N")[..12]);
        Assert.True(await Store.CreateAccountAsync(new MemberAccount { Key = key, RegisteredAt = _now }, [], [], CancellationToken.None));
        if (points > 0)
        {
            var earned = await new LedgerService(Store, TimeProvider.System).ExecuteAsync(key, new EarnPoints("seed", new EarnRequest(points, _now.AddYears(1), "seed", null, null) { AvailableAt = _now.AddMinutes(-5) }), CancellationToken.None);
            Assert.True(earned.IsSuccess);
        }

        return key;
    }

    [Fact]
    public async Task Creating_an_existing_member_returns_false_and_keeps_the_first()
    {
        var key = await NewMemberAsync();

        Assert.False(await Store.CreateAccountAsync(new MemberAccount { Key = key, RegisteredAt = _now, Name = "Other" }, [], [], CancellationToken.None));
        Assert.Null((await Store.LoadAsync(key, CancellationToken.None))!.Account.Name);
    }

    [Fact]
    public async Task A_stale_etag_fails_the_whole_batch_and_writes_nothing()
    {
        var key = await NewMemberAsync(100);
        var state = (await Store.LoadAsync(key, CancellationToken.None))!;
        var tx = new LedgerTransaction(state, _now, "a");
        Assert.True(tx.Spend(10, LedgerEntryType.Spend, null, null).IsSuccess);
        Assert.Equal(CommitResult.Committed, await Store.CommitAsync(ChangeSet(tx, state.ETag, "a"), CancellationToken.None));

        var stale = new LedgerTransaction(state, _now, "b");
        Assert.True(stale.Spend(20, LedgerEntryType.Spend, null, null).IsSuccess);
        var result = await Store.CommitAsync(ChangeSet(stale, state.ETag, "b"), CancellationToken.None);

        Assert.Equal(CommitResult.Conflict, result);
        Assert.Null(await Store.FindIdempotencyAsync(key, "b", CancellationToken.None));
        var after = (await Store.LoadAsync(key, CancellationToken.None))!;
        Assert.Equal(90, after.Lots.Sum(l => l.Remaining));
        Assert.Equal(2, (await Store.QueryEntriesAsync(key, new LedgerQuery(), CancellationToken.None)).Entries.Count);
    }

    [Fact]
    public async Task An_existing_idempotency_row_is_reported_as_a_duplicate()
    {
        var key = await NewMemberAsync(100);
        var first = (await Store.LoadAsync(key, CancellationToken.None))!;
        var tx = new LedgerTransaction(first, _now, "seed");
        tx.Earn(new EarnRequest(1, _now.AddDays(9), "x", null, null));

        var result = await Store.CommitAsync(ChangeSet(tx, first.ETag, "seed"), CancellationToken.None);

        Assert.Equal(CommitResult.DuplicateIdempotencyKey, result);
    }

    [Fact]
    public void A_batch_may_never_span_two_partitions()
    {
        var member = new MemberKey("shop", "a");
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity(member.PartitionKey, "x")),
            new(TableTransactionActionType.Add, new TableEntity("shop:b", "y")),
        };

        var ex = Assert.Throws<InvalidOperationException>(() => TableLedgerStore.EnsureSinglePartition(member, actions));
        Assert.Contains("shop:b", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_may_not_exceed_one_hundred_rows()
    {
        var member = new MemberKey("shop", "a");
        var actions = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(member.PartitionKey, $"r{i}"))).ToList();

        Assert.Throws<InvalidOperationException>(() => TableLedgerStore.EnsureSinglePartition(member, actions));
    }

    [Fact]
    public async Task Ledger_pages_newest_first_and_filters_by_type_and_time()
    {
        var key = await NewMemberAsync();
        var service = new LedgerService(Store, TimeProvider.System);
        for (var i = 0; i < 7; i++)
        {
            Assert.True((await service.ExecuteAsync(key, new EarnPoints($"e{i}", new EarnRequest(10 + i, _now.AddYears(1), "task", null, null)), CancellationToken.None)).IsSuccess);
        }

        Assert.True((await service.ExecuteAsync(key, new SpendPoints("s", 5, "gift", null), CancellationToken.None)).IsSuccess);

        var all = new List<LedgerEntry>();
        string? token = null;
        do
        {
            var page = await Store.QueryEntriesAsync(key, new LedgerQuery(PageSize: 3, ContinuationToken: token), CancellationToken.None);
            Assert.True(page.Entries.Count <= 3);
            all.AddRange(page.Entries);
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(8, all.Count);
        Assert.Equal(LedgerEntryType.Spend, all[0].Type);
        Assert.Equal(all.OrderByDescending(e => e.At).ThenByDescending(e => e.Sequence).Select(e => e.EntryId), all.Select(e => e.EntryId));
        Assert.Equal(all[0].BalanceAfter, all.Sum(e => e.Delta));

        var spends = await Store.QueryEntriesAsync(key, new LedgerQuery(Types: new HashSet<LedgerEntryType> { LedgerEntryType.Spend }), CancellationToken.None);
        Assert.Equal(LedgerEntryType.Spend, Assert.Single(spends.Entries).Type);

        var window = await Store.QueryEntriesAsync(key, new LedgerQuery(From: all[3].At, To: all[1].At), CancellationToken.None);
        Assert.Equal(all.Skip(2).Take(2).Select(e => e.EntryId), window.Entries.Select(e => e.EntryId));
    }

    [Fact]
    public async Task A_continuation_token_from_another_member_never_returns_that_members_entries()
    {
        var mine = await NewMemberAsync(5);
        var theirs = await NewMemberAsync(7);
        var service = new LedgerService(Store, TimeProvider.System);
        for (var i = 0; i < 3; i++)
        {
            await service.ExecuteAsync(theirs, new EarnPoints($"e{i}", new EarnRequest(1, _now.AddYears(1), "task", null, null)), CancellationToken.None);
        }

        var theirPage = await Store.QueryEntriesAsync(theirs, new LedgerQuery(PageSize: 1), CancellationToken.None);
        var theirIds = (await Store.QueryEntriesAsync(theirs, new LedgerQuery(), CancellationToken.None)).Entries.Select(e => e.EntryId).ToHashSet();

        var borrowed = await Store.QueryEntriesAsync(mine, new LedgerQuery(ContinuationToken: theirPage.ContinuationToken), CancellationToken.None);

        Assert.NotNull(theirPage.ContinuationToken);
        Assert.DoesNotContain(borrowed.Entries, e => theirIds.Contains(e.EntryId));
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("bm8tc3BhY2U")]
    public async Task A_malformed_continuation_token_is_refused(string token)
    {
        var key = await NewMemberAsync();

        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => Store.QueryEntriesAsync(key, new LedgerQuery(ContinuationToken: token), CancellationToken.None));
    }

    private static LedgerChangeSet ChangeSet(LedgerTransaction tx, string etag, string key) =>
        new(tx.Account, etag, tx.ChangedLots, tx.RemovedLots, tx.Entries, new IdempotencyRecord(key, "f", new LedgerOutcome { IdempotencyKey = key, Balance = LedgerService.Snapshot(tx) }, tx.Now));
}
