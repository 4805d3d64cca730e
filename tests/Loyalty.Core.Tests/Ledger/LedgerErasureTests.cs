using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Members;
using Loyalty.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Loyalty.Core.Tests.Support.Accounts;

namespace Loyalty.Core.Tests.Ledger;

public sealed class LedgerErasureTests
{
    private static MemberLedgerState Personal(params PointsLot[] lots) =>
        new(New() with { Name = "王小明", Phone = "+8613812345678", PhoneHash = "hash", Birthday = new DateOnly(1990, 5, 1), State = new Dictionary<string, string> { ["streak"] = "3" } }, lots, "etag-1");

    [Fact]
    public void Erase_forfeits_every_lot_with_one_entry_and_strips_the_person_from_the_account()
    {
        var pending = Lot("pending", 30, Now.AddYears(1), availableAt: Now.AddDays(5));
        var frozen = Lot("frozen", 20, Now.AddMonths(6)) with { Frozen = true };
        var transaction = new LedgerTransaction(Personal(Lot("a", 100, Now.AddMonths(2)), pending, frozen), Now, "erase-1", "key:k1");

        var erased = transaction.Erase("member request");

        Assert.True(erased.IsSuccess);
        var entry = erased.Value!;
        Assert.Equal((LedgerEntryType.Forfeit, -150L, 0L, "member request"), (entry.Type, entry.Delta, entry.BalanceAfter, entry.Reason));
        Assert.Equal(new Dictionary<string, long> { ["a"] = 100, ["frozen"] = 20, ["pending"] = 30 }, entry.Lots.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary());
        Assert.Empty(transaction.Lots);
        Assert.Equal(["a", "frozen", "pending"], transaction.RemovedLots.Select(l => l.LotId).Order(StringComparer.Ordinal));
        var account = transaction.Account;
        Assert.Equal((MemberStatus.Erased, Now), (account.Status, account.ClosedAt));
        Assert.Equal((null, null, null, (DateOnly?)null), (account.Name, account.Phone, account.PhoneHash, account.Birthday));
        Assert.False(account.SmsAllowed);
        Assert.Empty(account.State);
        Assert.Single(transaction.Entries);
    }

    [Fact]
    public void Erase_keeps_the_debt_so_the_totals_still_add_up()
    {
        var state = new MemberLedgerState(New() with { Debt = 40 }, [], "etag-1");
        var transaction = new LedgerTransaction(state, Now, "erase-1");

        var entry = transaction.Erase("member request").Value!;

        Assert.Equal((0L, -40L), (entry.Delta, entry.BalanceAfter));
        Assert.Equal(40, transaction.Account.Debt);
    }

    [Fact]
    public void Erase_is_refused_while_a_hold_is_open_and_changes_nothing()
    {
        var transaction = Transaction(Lot("a", 100, Now.AddMonths(2)));
        Assert.True(transaction.Hold("h-1", "o-1", 40, 4m, Now.AddMinutes(10)).IsSuccess);
        var entries = transaction.Entries.Count;

        var erased = transaction.Erase("member request");

        Assert.Equal("member-has-open-holds", erased.Error?.Code);
        Assert.Contains("h-1", erased.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(MemberStatus.Active, transaction.Account.Status);
        Assert.Equal(entries, transaction.Entries.Count);
    }

    [Fact]
    public async Task The_ledger_refuses_every_change_to_an_erased_account_but_replays_the_erasure()
    {
        var store = new InMemoryLedgerStore();
        var service = new LedgerService(store, new FakeTimeProvider(Now));
        await store.CreateAccountAsync(New(), [], [], CancellationToken.None);
        await service.ExecuteAsync(Key, new AdjustPoints("seed", 500, "seed", Now.AddYears(1), null), CancellationToken.None);

        var erased = await service.ExecuteAsync(Key, new EraseAccount("erase-1", "member request"), CancellationToken.None);
        var replay = await service.ExecuteAsync(Key, new EraseAccount("erase-1", "member request"), CancellationToken.None);
        LedgerCommand[] refused =
        [
            new AdjustPoints("after-1", 10, "goodwill", Now.AddYears(1), null),
            new EarnPoints("after-2", new EarnRequest(10, Now.AddYears(1), "test", "o-9", null)),
            new SpendPoints("after-3", 1, null, null),
            new EraseAccount("erase-2", "again"),
        ];
        var results = new List<string?>();
        foreach (var command in refused)
        {
            results.Add((await service.ExecuteAsync(Key, command, CancellationToken.None)).Error?.Code);
        }

        Assert.Equal(-500, erased.Value!.Entry!.Delta);
        Assert.True(replay.Value!.Replayed);
        Assert.Equal(erased.Value.Entry.EntryId, replay.Value.Entry!.EntryId);
        Assert.All(results, code => Assert.Equal("member-erased", code));
        Assert.Equal(2, store.Entries(Key).Count);
    }

    [Fact]
    public async Task The_ledger_refuses_changes_to_a_merged_account_with_a_pointer_to_the_target()
    {
        var store = new InMemoryLedgerStore();
        var service = new LedgerService(store, new FakeTimeProvider(Now));
        await store.CreateAccountAsync(New() with { Status = MemberStatus.Merged, MergedInto = "m-2" }, [], [], CancellationToken.None);

        var result = await service.ExecuteAsync(Key, new AdjustPoints("k", 10, "goodwill", Now.AddYears(1), null), CancellationToken.None);

        Assert.Equal("member-merged", result.Error?.Code);
        Assert.Contains("'m-2'", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(store.Entries(Key));
    }
}
