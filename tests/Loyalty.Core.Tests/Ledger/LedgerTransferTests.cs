using Loyalty.Core.Ledger;
using static Loyalty.Core.Tests.Support.Accounts;

namespace Loyalty.Core.Tests.Ledger;

public sealed class LedgerTransferTests
{
    [Fact]
    public void SpendWithExpiry_records_the_expiry_of_every_point_taken()
    {
        var tx = Transaction(Lot("late", 100, Now.AddDays(90)), Lot("early", 30, Now.AddDays(5)));

        var spent = tx.SpendWithExpiry(50, LedgerEntryType.TransferOut, "t1", null);

        Assert.Equal([new LotPortion(30, Now.AddDays(5)), new LotPortion(20, Now.AddDays(90))], spent.Value.Portions);
        Assert.Equal(spent.Value.Portions, LotPortions.Parse(spent.Value.Entry.Details[LotPortions.DetailKey]));
        Assert.Equal(80, tx.Balance);
    }

    [Fact]
    public void Receive_creates_lots_that_keep_the_senders_expiry_and_expires_what_ran_out_in_flight()
    {
        var tx = Transaction();

        var entry = tx.Receive([new LotPortion(30, Now.AddDays(5)), new LotPortion(20, Now.AddDays(90)), new LotPortion(7, Now.AddDays(-1))], LedgerEntryType.TransferIn, "transfer", "t1", null);

        Assert.Equal(57, entry.Delta);
        Assert.Equal([(30L, Now.AddDays(5)), (20L, Now.AddDays(90))], tx.Lots.OrderBy(l => l.ExpiresAt).Select(l => (l.Remaining, l.ExpiresAt)));
        Assert.Equal([LedgerEntryType.TransferIn, LedgerEntryType.Expire], tx.Entries.Select(e => e.Type));
        Assert.Equal(50, tx.Balance);
        Assert.Equal(0, tx.Account.LifetimeEarned);
    }

    [Fact]
    public void Lot_portions_round_trip_including_points_that_never_expire()
    {
        LotPortion[] portions = [new(5, PointsLot.NeverExpires), new(1, Now)];

        Assert.Equal(portions, LotPortions.Parse(LotPortions.Format(portions)));
        Assert.Empty(LotPortions.Parse(null));
    }
}
