using Loyalty.Core.Ledger;
using Loyalty.Core.Redemptions;
using Loyalty.Core.Tests.Support;
using static Loyalty.Core.Tests.Support.Accounts;

namespace Loyalty.Core.Tests.Redemptions;

/// <summary>The redemption debit and its refund on the ledger: points come back with the expiries they left with.</summary>
public sealed class RedemptionLedgerTests
{
    private static readonly DateTimeOffset Soon = Now.AddDays(10);
    private static readonly DateTimeOffset Later = Now.AddDays(200);

    private static LedgerEntry Debit(LedgerTransaction transaction, long points) =>
        new RedemptionDebit("r1", "mug", points).Apply(transaction).Value!;

    /// <summary>A debit entry as a store returns it, with the details it was written with.</summary>
    private static LedgerEntry StoredDebit(Dictionary<string, long> lots, Dictionary<string, string> details) => new()
    {
        EntryId = "stored-debit",
        Type = LedgerEntryType.Spend,
        Delta = -lots.Values.Sum(),
        BalanceAfter = 0,
        At = Now,
        Reference = "r1",
        Lots = lots,
        Details = details,
    };

    [Fact]
    public void The_debit_spends_earliest_expiring_lots_and_notes_their_expiries()
    {
        var transaction = Transaction(Lot("a", 30, Soon), Lot("b", 100, Later));

        var debit = Debit(transaction, 50);

        Assert.Equal(-50, debit.Delta);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 30, ["b"] = 20 }, debit.Lots);
        Assert.Equal([new LotPortion(30, Soon), new LotPortion(20, Later)], LotPortions.Parse(debit.Details[LotPortions.DetailKey]));
        Assert.Equal("mug", debit.Details["giftId"]);
        Assert.Same(debit, transaction.Entries[^1]);
    }

    [Fact]
    public void The_debit_refuses_to_overdraw()
    {
        var result = new RedemptionDebit("r1", "mug", 31).Apply(Transaction(Lot("a", 30, Soon)));

        Assert.Equal("insufficient-points", result.Error?.Code);
    }

    [Fact]
    public void The_refund_restores_each_part_with_its_original_expiry_and_links_the_debit()
    {
        var debit = Debit(Transaction(Lot("a", 30, Soon), Lot("b", 100, Later)), 50);
        var afterDebit = new MemberLedgerState(New() with { LifetimeSpent = 50 }, [Lot("b", 80, Later)], "e");
        var transaction = new LedgerTransaction(afterDebit, Now.AddDays(1), "refund");

        var refund = new RedemptionRefund("r1", debit, "compensated").Apply(transaction).Value!;

        Assert.Equal(LedgerEntryType.Restore, refund.Type);
        Assert.Equal(50, refund.Delta);
        Assert.Equal(130, transaction.Balance);
        Assert.Equal(debit.EntryId, refund.Details["debitEntryId"]);
        Assert.Equal("r1", refund.Reference);
        Assert.Equal([(Soon, 30L), (Later, 100L)], transaction.Lots.OrderBy(l => l.ExpiresAt).Select(l => (l.ExpiresAt, l.Remaining)));
        Assert.Equal(0, transaction.Account.LifetimeSpent);
    }

    [Fact]
    public void A_debit_stored_in_the_old_per_lot_expiry_format_still_restores_each_part_with_its_expiry()
    {
        // How redemption debits were written before "portions": the lots taken, and "expiry:{lotId}" per lot as ISO time.
        var stored = StoredDebit(new Dictionary<string, long> { ["a"] = 30, ["b"] = 20 }, new Dictionary<string, string>
        {
            ["giftId"] = "mug",
            ["expiry:a"] = Soon.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["expiry:b"] = Later.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        });
        var afterDebit = new MemberLedgerState(New() with { LifetimeSpent = 50 }, [Lot("b", 80, Later)], "e");
        var transaction = new LedgerTransaction(afterDebit, Now.AddDays(1), "refund");

        var refund = new RedemptionRefund("r1", stored, "compensated").Apply(transaction).Value!;

        Assert.Equal((LedgerEntryType.Restore, 50L), (refund.Type, refund.Delta));
        Assert.Equal([(Soon, 30L), (Later, 100L)], transaction.Lots.OrderBy(l => l.ExpiresAt).Select(l => (l.ExpiresAt, l.Remaining)));
        Assert.Equal(0, transaction.Account.LifetimeSpent);
    }

    [Fact]
    public void A_debit_that_recorded_no_expiry_is_refused_rather_than_restored_with_a_made_up_one()
    {
        var stored = StoredDebit(new Dictionary<string, long> { ["a"] = 30 }, new Dictionary<string, string>());

        Assert.Throws<InvalidOperationException>(() => new RedemptionRefund("r1", stored, "compensated").Apply(Transaction()));
    }

    [Fact]
    public void Points_whose_expiry_passed_before_the_refund_are_not_given_back()
    {
        var debit = Debit(Transaction(Lot("a", 30, Soon), Lot("b", 100, Later)), 50);
        var afterDebit = new MemberLedgerState(New() with { LifetimeSpent = 50 }, [Lot("b", 80, Later)], "e");
        var transaction = new LedgerTransaction(afterDebit, Soon.AddDays(1), "refund");

        var refund = new RedemptionRefund("r1", debit, "compensated").Apply(transaction).Value!;

        Assert.Equal(20, refund.Delta);
        Assert.Equal(100, transaction.Balance);
        Assert.Equal(30, transaction.Account.LifetimeExpired);
        Assert.Equal(0, transaction.Account.LifetimeSpent);
    }

    [Fact]
    public void A_refund_to_an_indebted_member_repays_the_debt_first()
    {
        var debit = Debit(Transaction(Lot("a", 100, Later)), 60);
        var indebted = new MemberLedgerState(New() with { Debt = 25, LifetimeSpent = 60 }, [], "e");
        var transaction = new LedgerTransaction(indebted, Now.AddDays(1), "refund");

        new RedemptionRefund("r1", debit, "compensated").Apply(transaction);

        Assert.Equal(0, transaction.Account.Debt);
        Assert.Equal(35, transaction.Balance);
        Assert.Equal(transaction.Balance, transaction.Lots.Sum(l => l.Remaining) - transaction.Account.Debt);
    }

    [Fact]
    public void Redemption_ids_are_scoped_by_tenant_and_stable_per_key()
    {
        var a = RedemptionIds.For("shop-a", "key-1");

        Assert.Equal(a, RedemptionIds.For("shop-a", "key-1"));
        Assert.NotEqual(a, RedemptionIds.For("shop-b", "key-1"));
        Assert.NotEqual(a, RedemptionIds.For("shop-a", "key-2"));
        Assert.True(RedemptionIds.IsWellFormed(a));
        Assert.False(RedemptionIds.IsWellFormed("../etc"));
        Assert.False(RedemptionIds.IsWellFormed(a.ToUpperInvariant()));
    }
}
