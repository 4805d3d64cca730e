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

    [Fact]
    public void The_debit_spends_earliest_expiring_lots_and_notes_their_expiries()
    {
        var transaction = Transaction(Lot("a", 30, Soon), Lot("b", 100, Later));

        var debit = Debit(transaction, 50);

        Assert.Equal(-50, debit.Delta);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 30, ["b"] = 20 }, debit.Lots);
        Assert.Equal(Soon, DateTimeOffset.Parse(debit.Details[LedgerTransaction.ExpiryDetail("a")], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Later, DateTimeOffset.Parse(debit.Details[LedgerTransaction.ExpiryDetail("b")], System.Globalization.CultureInfo.InvariantCulture));
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
