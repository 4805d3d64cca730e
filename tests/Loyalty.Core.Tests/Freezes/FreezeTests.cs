using Loyalty.Core.Ledger;
using static Loyalty.Core.Tests.Support.Accounts;

namespace Loyalty.Core.Tests.Freezes;

public sealed class FreezeTests
{
    [Fact]
    public void A_frozen_account_cannot_spend_and_its_earnings_stay_pending_until_unfrozen()
    {
        var tx = Transaction(Lot("a", 100, Now.AddDays(30)));

        var frozen = tx.Freeze("fraud investigation");
        var spend = tx.Spend(10, LedgerEntryType.Spend, null, null);
        tx.Earn(new EarnRequest(40, Now.AddDays(60), "purchase", null, null));

        Assert.Equal((LedgerEntryType.Freeze, "fraud investigation"), (frozen.Value!.Type, frozen.Value.Reason));
        Assert.Equal("account-frozen", spend.Error!.Code);
        Assert.Equal((140, 100, 40), (tx.Balance, tx.Available, tx.Pending));
        Assert.Equal(2, tx.Lots.Count);

        var unfrozen = tx.Unfreeze("cleared");

        Assert.Equal(LedgerEntryType.Unfreeze, unfrozen.Value!.Type);
        Assert.Equal(40, Assert.Single(unfrozen.Value.Lots).Value);
        Assert.Equal((140, 140, 0), (tx.Balance, tx.Available, tx.Pending));
        Assert.True(tx.Spend(140, LedgerEntryType.Spend, null, null).IsSuccess);
    }

    [Fact]
    public void A_pending_lot_earned_while_frozen_keeps_its_own_return_window_after_unfreeze()
    {
        var tx = Transaction();
        tx.Freeze("dispute");
        tx.Earn(new EarnRequest(40, Now.AddDays(60), "purchase", "o-1", null) { AvailableAt = Now.AddDays(7), Mergeable = false });

        tx.Unfreeze(null);

        Assert.Equal((0, 40), (tx.Available, tx.Pending));
    }

    [Fact]
    public void Freezing_twice_and_unfreezing_an_open_account_are_conflicts()
    {
        var tx = Transaction();

        Assert.Equal("not-frozen", tx.Unfreeze(null).Error!.Code);
        Assert.True(tx.Freeze("x").IsSuccess);
        Assert.Equal("already-frozen", tx.Freeze("x").Error!.Code);
    }
}
