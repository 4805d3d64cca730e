using Loyalty.Core.Ledger;
using static Loyalty.Core.Tests.Support.Accounts;

namespace Loyalty.Core.Tests.Ledger;

public sealed class LedgerHoldTests
{
    private static MemberLedgerState Committed(LedgerTransaction tx) =>
        new(tx.Account, [.. tx.Lots], "etag-2") { Holds = [.. tx.Holds.Where(h => h.Status == HoldStatus.Active)] };

    [Fact]
    public void Hold_takes_earliest_expiring_points_out_of_available_but_keeps_them_in_the_balance()
    {
        var tx = Transaction(Lot("late", 100, Now.AddDays(90)), Lot("early", 30, Now.AddDays(5)));

        var hold = tx.Hold("h1", "order-1", 50, 0.5m, Now.AddMinutes(15));

        Assert.True(hold.IsSuccess);
        Assert.Equal([("early", 30L), ("late", 20L)], hold.Value.Lots.Select(l => (l.LotId, l.Points)));
        Assert.Equal((130, 80, 50), (tx.Balance, tx.Available, tx.Held));
        var entry = Assert.Single(tx.Entries);
        Assert.Equal((LedgerEntryType.Hold, 0L, "order-1"), (entry.Type, entry.Delta, entry.Reference));
        Assert.Single(tx.ChangedHolds);
    }

    [Fact]
    public void Hold_refuses_more_than_available_and_a_frozen_account()
    {
        var tx = Transaction(Lot("a", 40, Now.AddDays(10)));
        var frozen = new LedgerTransaction(State(Lot("a", 40, Now.AddDays(10))) with { Account = New() with { Frozen = true } }, Now, "k");

        Assert.Equal("insufficient-points", tx.Hold("h", "o", 41, 0, Now.AddMinutes(5)).Error!.Code);
        Assert.Equal("account-frozen", frozen.Hold("h", "o", 1, 0, Now.AddMinutes(5)).Error!.Code);
        Assert.False(tx.HasChanges);
    }

    [Fact]
    public void Capture_turns_the_hold_into_a_spend_linked_to_the_order()
    {
        var first = Transaction(Lot("a", 100, Now.AddDays(10)));
        first.Hold("h1", "order-9", 60, 0.6m, Now.AddMinutes(15));
        var tx = new LedgerTransaction(Committed(first), Now.AddMinutes(1), "k2");

        var captured = tx.CaptureHold("h1");

        Assert.True(captured.IsSuccess);
        Assert.Equal((LedgerEntryType.Spend, -60L, "order-9"), (captured.Value.Type, captured.Value.Delta, captured.Value.Reference));
        Assert.Equal((40, 40, 0), (tx.Balance, tx.Available, tx.Held));
        Assert.Equal(60, tx.Account.LifetimeSpent);
        Assert.Equal(HoldStatus.Captured, Assert.Single(tx.ChangedHolds).Status);
    }

    [Fact]
    public void Release_restores_the_exact_lots_even_ones_the_hold_used_up()
    {
        var first = Transaction(Lot("early", 30, Now.AddDays(5)), Lot("late", 100, Now.AddDays(90)));
        first.Hold("h1", "o", 50, 0.5m, Now.AddMinutes(15));
        Assert.DoesNotContain(first.Lots, l => l.LotId == "early");
        var tx = new LedgerTransaction(Committed(first), Now.AddMinutes(1), "k2");

        var released = tx.ReleaseHold("h1", "released");

        Assert.Equal(LedgerEntryType.Release, released.Value!.Type);
        Assert.Equal([("early", 30L, Now.AddDays(5)), ("late", 100L, Now.AddDays(90))], tx.Lots.OrderBy(l => l.ExpiresAt).Select(l => (l.LotId, l.Remaining, l.ExpiresAt)));
        Assert.Equal((130, 130, 0), (tx.Balance, tx.Available, tx.Held));
        Assert.True(tx.ReleaseHold("h1", "again").IsSuccess);
        Assert.Null(tx.ReleaseHold("h1", "again").Value);
    }

    [Fact]
    public void A_hold_past_its_timeout_is_released_by_the_next_transaction_and_cannot_be_captured()
    {
        var first = Transaction(Lot("a", 100, Now.AddDays(10)));
        first.Hold("h1", "o", 70, 0.7m, Now.AddMinutes(15));
        var tx = new LedgerTransaction(Committed(first), Now.AddMinutes(16), "k2");

        var entry = Assert.Single(tx.Entries);
        Assert.Equal(LedgerEntryType.Release, entry.Type);
        Assert.Equal((100, 100, 0), (tx.Balance, tx.Available, tx.Held));
        Assert.Equal("hold-released", tx.CaptureHold("h1").Error!.Code);
    }

    [Fact]
    public void Released_points_whose_lot_expired_while_held_expire_on_release()
    {
        var first = Transaction(Lot("soon", 50, Now.AddMinutes(10)));
        first.Hold("h1", "o", 50, 0.5m, Now.AddMinutes(15));
        var tx = new LedgerTransaction(Committed(first), Now.AddMinutes(16), "k2");

        Assert.Equal([LedgerEntryType.Release, LedgerEntryType.Expire], tx.Entries.Select(e => e.Type));
        Assert.Equal((0, 0), (tx.Balance, tx.Held));
        Assert.Equal(50, tx.Account.LifetimeExpired);
    }

    [Fact]
    public void Releasing_a_captured_hold_is_a_conflict()
    {
        var first = Transaction(Lot("a", 100, Now.AddDays(10)));
        first.Hold("h1", "o", 10, 0.1m, Now.AddMinutes(15));
        var tx = new LedgerTransaction(Committed(first), Now, "k2");
        tx.CaptureHold("h1");

        Assert.Equal("hold-captured", tx.ReleaseHold("h1", "x").Error!.Code);
        Assert.Equal("hold-captured", tx.CaptureHold("h1").Error!.Code);
    }

    [Fact]
    public void Reads_show_a_timed_out_hold_as_released_before_any_write()
    {
        var first = Transaction(Lot("a", 100, Now.AddDays(10)));
        first.Hold("h1", "o", 70, 0.7m, Now.AddMinutes(15));
        var state = Committed(first);

        var during = Core.Members.MemberSummary.From(state, Now.AddMinutes(5));
        var after = Core.Members.MemberSummary.From(state, Now.AddMinutes(20));

        Assert.Equal((100, 30, 70), (during.Balance, during.Available, during.Held));
        Assert.Equal((100, 100, 0), (after.Balance, after.Available, after.Held));
    }
}
