using Loyalty.Core.Ledger;
using static Loyalty.Core.Tests.Support.Accounts;

namespace Loyalty.Core.Tests.Ledger;

public sealed class LedgerTransactionTests
{
    [Fact]
    public void Spend_consumes_earliest_expiring_lots_first()
    {
        var tx = Transaction(Lot("late", 100, Now.AddDays(90)), Lot("early", 30, Now.AddDays(5)), Lot("middle", 50, Now.AddDays(20)));

        var spent = tx.Spend(60, LedgerEntryType.Spend, "order-1", null);

        Assert.True(spent.IsSuccess);
        Assert.Equal(new Dictionary<string, long> { ["early"] = 30, ["middle"] = 30 }, spent.Value.Lots);
        Assert.Equal(["late", "middle"], tx.Lots.Select(l => l.LotId).Order());
        Assert.Equal(20, tx.Lots.Single(l => l.LotId == "middle").Remaining);
        Assert.Equal(120, tx.Balance);
        Assert.Equal(-60, spent.Value.Delta);
        Assert.Equal(120, spent.Value.BalanceAfter);
    }

    [Fact]
    public void Spend_more_than_available_fails_and_changes_nothing()
    {
        var tx = Transaction(Lot("a", 40, Now.AddDays(10)), Lot("pending", 100, Now.AddDays(100), availableAt: Now.AddDays(3)));

        var spent = tx.Spend(41, LedgerEntryType.Spend, null, null);

        Assert.False(spent.IsSuccess);
        Assert.Equal("insufficient-points", spent.Error.Code);
        Assert.False(tx.HasChanges);
        Assert.Equal(40, tx.Available);
        Assert.Equal(100, tx.Pending);
    }

    [Fact]
    public void Pending_points_become_available_without_any_write_once_the_time_passes()
    {
        var lot = Lot("p", 70, Now.AddDays(100), availableAt: Now.AddDays(7));
        var before = new LedgerTransaction(State(lot), Now, "k");
        var after = new LedgerTransaction(State(lot), Now.AddDays(7), "k");

        Assert.Equal((0, 70), (before.Available, before.Pending));
        Assert.Equal((70, 0), (after.Available, after.Pending));
    }

    [Fact]
    public void Lots_past_their_expiry_are_removed_with_one_expire_entry_per_lot_earliest_first_before_anything_else()
    {
        var tx = Transaction(Lot("old", 25, Now.AddSeconds(-1)), Lot("older", 5, Now.AddDays(-3)), Lot("live", 10, Now.AddDays(1)));

        Assert.All(tx.Entries, e => Assert.Equal(LedgerEntryType.Expire, e.Type));
        Assert.Equal([("older", -5L, 35L), ("old", -25L, 10L)], tx.Entries.Select(e => (Assert.Single(e.Lots).Key, e.Delta, e.BalanceAfter)));
        Assert.Equal(Now.AddDays(-3).ToString("O", System.Globalization.CultureInfo.InvariantCulture), tx.Entries[0].Details["expiresAt"]);
        Assert.Equal(2, tx.RemovedLots.Count);
        Assert.Equal(30, tx.Account.LifetimeExpired);
    }

    [Fact]
    public void A_lot_expiring_exactly_now_is_expired()
    {
        var tx = Transaction(Lot("edge", 10, Now));

        Assert.Equal(0, tx.Balance);
        Assert.Equal(LedgerEntryType.Expire, Assert.Single(tx.Entries).Type);
    }

    [Fact]
    public void Clawback_of_spent_points_creates_debt_that_later_earnings_repay()
    {
        var tx = Transaction(Lot("order", 100, Now.AddDays(200), reference: "o-1"));
        Assert.True(tx.Spend(80, LedgerEntryType.Spend, "gift", null).IsSuccess);

        var refund = tx.ClawBack("order", 100, "o-1", "returned");

        Assert.Equal(-100, refund.Delta);
        Assert.Equal(-80, tx.Balance);
        Assert.Equal(80, tx.Account.Debt);
        Assert.Equal("80", refund.Details["debtCreated"]);

        tx.Earn(new EarnRequest(50, Now.AddDays(300), "checkin", null, null));
        Assert.Equal(30, tx.Account.Debt);
        Assert.Equal(-30, tx.Balance);
        Assert.Empty(tx.Lots);
    }

    [Fact]
    public void Clawback_takes_from_the_orders_lot_only_and_never_touches_other_lots()
    {
        var tx = Transaction(Lot("order", 100, Now.AddDays(200), reference: "o-1"), Lot("other", 500, Now.AddDays(10)));

        tx.ClawBack("order", 40, "o-1", null);

        Assert.Equal(60, tx.Lots.Single(l => l.LotId == "order").Remaining);
        Assert.Equal(500, tx.Lots.Single(l => l.LotId == "other").Remaining);
        Assert.Equal(0, tx.Account.Debt);
    }

    [Fact]
    public void Debt_is_settled_from_available_lots_when_there_are_some()
    {
        var tx = Transaction(Lot("order", 10, Now.AddDays(200), reference: "o-1"), Lot("other", 500, Now.AddDays(10)));

        tx.ClawBack("order", 100, "o-1", null);

        Assert.Equal(0, tx.Account.Debt);
        Assert.Equal(410, tx.Balance);
        Assert.Equal(410, tx.Available);
    }

    [Fact]
    public void A_spend_can_never_create_debt_or_a_negative_balance()
    {
        var tx = Transaction(Lot("a", 10, Now.AddDays(10)));

        Assert.False(tx.Spend(11, LedgerEntryType.Spend, null, null).IsSuccess);
        Assert.True(tx.Spend(10, LedgerEntryType.Spend, null, null).IsSuccess);
        Assert.Equal(0, tx.Balance);
        Assert.Equal(0, tx.Account.Debt);
    }

    [Fact]
    public void Credits_with_the_same_expiry_merge_into_one_lot_but_order_lots_stay_separate()
    {
        var expiry = Now.AddDays(365);
        var tx = Transaction();

        tx.Earn(new EarnRequest(5, expiry, "checkin", null, null));
        tx.Earn(new EarnRequest(7, expiry, "share", null, null));
        tx.Earn(new EarnRequest(100, expiry, "purchase", "o-1", null) { Mergeable = false });

        Assert.Equal(2, tx.Lots.Count);
        Assert.Contains(tx.Lots, l => l.Remaining == 12 && l.Reference is null);
        Assert.Contains(tx.Lots, l => l.Remaining == 100 && l.Reference == "o-1");
    }

    [Fact]
    public void Frozen_accounts_cannot_spend()
    {
        var tx = new LedgerTransaction(State(Lot("a", 100, Now.AddDays(10))) with { Account = New() with { Frozen = true } }, Now, "k");

        var spent = tx.Spend(1, LedgerEntryType.Spend, null, null);

        Assert.Equal("account-frozen", spent.Error?.Code);
    }

    [Fact]
    public void Negative_adjustment_cannot_overdraw()
    {
        var tx = Transaction(Lot("a", 10, Now.AddDays(10)));

        Assert.Equal("insufficient-points", tx.Adjust(-11, Now.AddDays(30), "fix", null).Error?.Code);
        Assert.True(tx.Adjust(-10, Now.AddDays(30), "fix", null).IsSuccess);
        Assert.Equal(0, tx.Balance);
    }

    [Fact]
    public void Entries_record_operator_key_and_program_version()
    {
        var tx = new LedgerTransaction(State(), Now, "req-9", "key:abc") { ProgramVersion = 4 };

        var entry = tx.Earn(new EarnRequest(3, Now.AddDays(1), "adjustment", "ref", "gift"));

        Assert.Equal(("req-9", "key:abc", 4), (entry.IdempotencyKey, entry.Operator, entry.ProgramVersion));
    }
}
