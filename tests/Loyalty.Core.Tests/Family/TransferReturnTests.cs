using Loyalty.Core.Family;
using Loyalty.Core.Ledger;
using static Loyalty.Core.Tests.Support.Accounts;

namespace Loyalty.Core.Tests.Family;

public sealed class TransferReturnTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TransferRules Rules = new() { MaxTransfersPerMonth = 2, MaxPointsPerMonth = 100 };

    private static LedgerTransaction At(DateTimeOffset now, IReadOnlyDictionary<string, string> state) =>
        new(State(Lot("a", 1000, now.AddDays(100))) with { Account = New() with { State = state } }, now, "k");

    private static TransferIn Return(long points, string month) =>
        new("r", "t1", "bob", [new LotPortion(points, Now.AddDays(100))], Returning: true, CountedMonth: month);

    [Fact]
    public void Returned_points_are_taken_off_the_month_they_were_counted_in_with_the_same_batch()
    {
        var tx = At(Now, new Dictionary<string, string>());
        Assert.True(new TransferOut("k", "t1", "bob", 60, Rules, Shanghai, Now).Apply(tx).IsSuccess);
        var month = TransferOut.MonthOf(Now, Shanghai);
        var returning = new LedgerTransaction(new MemberLedgerState(tx.Account, [], "etag-2"), Now.AddMinutes(5), "r");

        var entry = Return(60, month).Apply(returning);

        Assert.Equal((LedgerEntryType.Restore, 60L), (entry.Value!.Type, entry.Value.Delta));
        Assert.Equal((month, "0", "0"), (returning.Account.State[TransferOut.MonthKey], returning.Account.State[TransferOut.CountKey], returning.Account.State[TransferOut.PointsKey]));
    }

    [Fact]
    public void A_returned_transfer_undoes_the_senders_spend_with_the_points_own_expiry()
    {
        var tx = At(Now, new Dictionary<string, string>());
        Assert.True(new TransferOut("k", "t1", "bob", 60, Rules, Shanghai, Now).Apply(tx).IsSuccess);
        var returning = new LedgerTransaction(new MemberLedgerState(tx.Account, [.. tx.Lots], "etag-2"), Now.AddMinutes(5), "r");

        Return(60, TransferOut.MonthOf(Now, Shanghai)).Apply(returning);

        Assert.Equal((60L, 0L), (tx.Account.LifetimeSpent, returning.Account.LifetimeSpent));
        Assert.Equal(1000, returning.Balance);
        Assert.All(returning.Lots, l => Assert.Equal(Now.AddDays(100), l.ExpiresAt));
    }

    [Fact]
    public void A_returned_transfer_frees_its_share_of_the_monthly_limits()
    {
        var used = new Dictionary<string, string> { [TransferOut.MonthKey] = "2026-06", [TransferOut.CountKey] = "2", [TransferOut.PointsKey] = "100" };
        var tx = At(Now, used);
        Assert.Equal("monthly-transfer-count-reached", new TransferOut("k2", "t2", "bob", 10, Rules, Shanghai, Now).Apply(At(Now, used)).Error!.Code);

        Assert.True(Return(40, "2026-06").Apply(tx).IsSuccess);

        Assert.Equal(("1", "60"), (tx.Account.State[TransferOut.CountKey], tx.Account.State[TransferOut.PointsKey]));
        Assert.True(new TransferOut("k2", "t2", "bob", 40, Rules, Shanghai, Now).Apply(At(Now, tx.Account.State)).IsSuccess);
    }

    [Fact]
    public void A_return_after_the_month_turned_over_leaves_the_new_months_counters_alone()
    {
        var july = new Dictionary<string, string> { [TransferOut.MonthKey] = "2026-07", [TransferOut.CountKey] = "1", [TransferOut.PointsKey] = "30" };
        var tx = At(Now.AddDays(20), july);

        Assert.True(Return(60, "2026-06").Apply(tx).IsSuccess);

        Assert.Equal(("2026-07", "1", "30"), (tx.Account.State[TransferOut.MonthKey], tx.Account.State[TransferOut.CountKey], tx.Account.State[TransferOut.PointsKey]));
    }
}
