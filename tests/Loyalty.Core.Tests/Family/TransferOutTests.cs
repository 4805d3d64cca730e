using Loyalty.Core.Family;
using Loyalty.Core.Ledger;
using static Loyalty.Core.Tests.Support.Accounts;

namespace Loyalty.Core.Tests.Family;

public sealed class TransferOutTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static TransferOut Command(long points, TransferRules? rules = null, DateTimeOffset? requestedAt = null) =>
        new("k", "t1", "bob", points, rules ?? new TransferRules { MaxTransfersPerMonth = 2, MaxPointsPerMonth = 100 }, Shanghai, requestedAt ?? Now);

    private static LedgerTransaction At(DateTimeOffset now, IReadOnlyDictionary<string, string>? state = null) =>
        new(State(Lot("a", 1000, now.AddDays(100))) with { Account = New() with { State = state ?? new Dictionary<string, string>() } }, now, "k");

    [Fact]
    public void A_transfer_debits_the_sender_names_the_counterparty_and_counts_toward_the_month()
    {
        var tx = At(Now);

        var entry = Command(60).Apply(tx);

        Assert.Equal((LedgerEntryType.TransferOut, -60L, "bob"), (entry.Value!.Type, entry.Value.Delta, entry.Value.Details["counterparty"]));
        Assert.Equal(("2026-06", "1", "60"), (tx.Account.State[TransferOut.MonthKey], tx.Account.State[TransferOut.CountKey], tx.Account.State[TransferOut.PointsKey]));
    }

    [Fact]
    public void Monthly_count_and_points_limits_are_enforced()
    {
        var used = new Dictionary<string, string> { [TransferOut.MonthKey] = "2026-06", [TransferOut.CountKey] = "1", [TransferOut.PointsKey] = "60" };

        Assert.Equal("monthly-transfer-points-reached", Command(41).Apply(At(Now, used)).Error!.Code);
        Assert.True(Command(40).Apply(At(Now, used)).IsSuccess);
        used[TransferOut.CountKey] = "2";
        Assert.Equal("monthly-transfer-count-reached", Command(1).Apply(At(Now, used)).Error!.Code);
    }

    [Fact]
    public void The_month_turns_over_at_local_midnight_in_the_tenants_time_zone()
    {
        var used = new Dictionary<string, string> { [TransferOut.MonthKey] = "2026-06", [TransferOut.CountKey] = "2", [TransferOut.PointsKey] = "100" };
        var lastUtcEvening = new DateTimeOffset(2026, 6, 30, 15, 59, 0, TimeSpan.Zero);

        Assert.Equal("monthly-transfer-count-reached", Command(10, requestedAt: lastUtcEvening).Apply(At(lastUtcEvening, used)).Error!.Code);
        Assert.True(Command(10, requestedAt: lastUtcEvening.AddMinutes(1)).Apply(At(lastUtcEvening.AddMinutes(1), used)).IsSuccess);
    }

    [Fact]
    public void A_transfer_asked_for_before_local_midnight_counts_in_that_month_when_its_debit_is_written_after()
    {
        var used = new Dictionary<string, string> { [TransferOut.MonthKey] = "2026-06", [TransferOut.CountKey] = "2", [TransferOut.PointsKey] = "100" };
        var askedAt = new DateTimeOffset(2026, 6, 30, 15, 59, 59, TimeSpan.Zero);
        var writtenAt = askedAt.AddMinutes(3);

        var late = Command(10, requestedAt: askedAt).Apply(At(writtenAt, used));
        var fresh = Command(10, requestedAt: writtenAt).Apply(At(writtenAt, used));

        Assert.Equal("monthly-transfer-count-reached", late.Error!.Code);
        Assert.True(fresh.IsSuccess);
    }

    [Fact]
    public void Frozen_senders_and_disabled_programs_cannot_transfer()
    {
        var frozen = new LedgerTransaction(State(Lot("a", 1000, Now.AddDays(100))) with { Account = New() with { Frozen = true } }, Now, "k");

        Assert.Equal("account-frozen", Command(1).Apply(frozen).Error!.Code);
        Assert.Equal("transfers-disabled", Command(1, new TransferRules { Enabled = false }).Apply(At(Now)).Error!.Code);
    }
}
