using Loyalty.Core.Ledger;
using static Loyalty.Core.Tests.Support.Accounts;

namespace Loyalty.Core.Tests.Ledger;

public sealed class LedgerRestoreTests
{
    private static readonly DateTimeOffset Soon = Now.AddDays(10);
    private static readonly DateTimeOffset Later = Now.AddDays(200);

    private static LedgerTransaction Frozen(params PointsLot[] lots)
    {
        var tx = Transaction(lots);
        tx.Freeze("fraud investigation");
        return tx;
    }

    [Fact]
    public void Restore_gives_points_back_with_their_own_expiry_into_a_lot_of_the_same_expiry()
    {
        var tx = Transaction(Lot("a", 100, Later));

        var entry = tx.Restore([new LotPortion(30, Soon), new LotPortion(20, Later)], "r1", "refund");

        Assert.Equal((LedgerEntryType.Restore, 50L), (entry.Type, entry.Delta));
        Assert.Equal([(Soon, 30L), (Later, 120L)], tx.Lots.OrderBy(l => l.ExpiresAt).Select(l => (l.ExpiresAt, l.Remaining)));
        Assert.Equal(150, tx.Available);
    }

    [Fact]
    public void Restore_to_a_frozen_account_stays_pending_until_the_unfreeze_like_every_other_credit()
    {
        var tx = Frozen(Lot("a", 100, Later));

        var entry = tx.Restore([new LotPortion(30, Soon), new LotPortion(20, Later)], "r1", "refund");

        Assert.Equal(50, entry.Delta);
        Assert.Equal((150, 100, 50), (tx.Balance, tx.Available, tx.Pending));
        Assert.Equal(100, tx.Lots.Single(l => l.LotId == "a").Remaining);
        Assert.All(tx.Lots.Where(l => l.LotId != "a"), l => Assert.True(l.Frozen));

        tx.Unfreeze("cleared");

        Assert.Equal((150, 150, 0), (tx.Balance, tx.Available, tx.Pending));
    }

    [Fact]
    public void A_returned_transfer_to_a_frozen_sender_stays_pending_until_the_unfreeze()
    {
        var tx = Frozen();

        new Loyalty.Core.Family.TransferIn("t:return", "t1", "bob", [new LotPortion(40, Later)], Returning: true).Apply(tx);

        Assert.Equal((40, 0, 40), (tx.Balance, tx.Available, tx.Pending));
    }

    [Fact]
    public void Earn_receive_and_restore_merge_into_the_same_available_lot_of_that_expiry()
    {
        var tx = Transaction(Lot("a", 10, Later));

        tx.Earn(new EarnRequest(1, Later, "purchase", null, null));
        tx.Receive([new LotPortion(2, Later)], LedgerEntryType.TransferIn, "transfer", "t1", null);
        tx.Restore([new LotPortion(4, Later)], "r1", null);

        Assert.Equal(("a", 17L), (Assert.Single(tx.Lots).LotId, tx.Lots.Single().Remaining));
    }

    [Fact]
    public void Restore_drops_the_parts_whose_expiry_passed_and_counts_them_expired()
    {
        var tx = Transaction();

        var entry = tx.Restore([new LotPortion(30, Now), new LotPortion(20, Later)], "r1", null);

        Assert.Equal(20, entry.Delta);
        Assert.Equal(30, tx.Account.LifetimeExpired);
        Assert.Equal((Later, 20L), (Assert.Single(tx.Lots).ExpiresAt, tx.Lots.Single().Remaining));
    }
}
