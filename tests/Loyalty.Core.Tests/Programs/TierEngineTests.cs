using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using static Loyalty.Core.Tests.Support.Accounts;

namespace Loyalty.Core.Tests.Programs;

public sealed class TierEngineTests
{
    private static readonly ProgramRules Program = new();
    private static readonly TimeZoneInfo Zone = Program.Zone();

    private static MemberAccount Earned(MemberAccount account, decimal value, DateTimeOffset at) => TierEngine.Record(account, value, at, Zone);

    [Fact]
    public void Upgrade_happens_in_the_same_transaction_with_a_history_entry()
    {
        var tx = new LedgerTransaction(State() with { Account = Earned(New(), 1200, Now) }, Now, "k");

        TierEngine.Evaluate(tx, Program);

        Assert.Equal("silver", tx.Account.Tier);
        var note = Assert.Single(tx.Entries);
        Assert.Equal((LedgerEntryType.Tier, 0L), (note.Type, note.Delta));
        Assert.Equal("normal", note.Details["from"]);
        Assert.Equal(TierEngine.NextReview(Program, Now), tx.Account.TierReviewAt);
    }

    [Fact]
    public void Rolling_window_counts_the_last_twelve_months_only()
    {
        var account = Earned(Earned(New(), 4000, Now.AddMonths(-13)), 900, Now.AddMonths(-11));

        Assert.Equal(900, TierEngine.QualifyingValue(account, Program.Tiers, Now, Zone));
    }

    [Fact]
    public void Calendar_year_window_starts_again_in_january_in_the_tenant_zone()
    {
        var rules = Program.Tiers with { Window = TierWindow.CalendarYear };
        var dec31 = new DateTimeOffset(2026, 12, 31, 15, 59, 59, TimeSpan.Zero); // 23:59:59 Shanghai
        var jan1 = new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero);    // 00:00:00 Shanghai
        var account = Earned(New(), 3000, dec31);

        Assert.Equal(3000, TierEngine.QualifyingValue(account, rules, dec31, Zone));
        Assert.Equal(0, TierEngine.QualifyingValue(account, rules, jan1, Zone));
    }

    [Fact]
    public void A_lower_tier_waits_for_the_review_date_and_spending_never_demotes()
    {
        var gold = New() with { Tier = "gold", TierReviewAt = Now.AddMonths(2) };
        var tx = new LedgerTransaction(State(Lot("a", 10_000, Now.AddYears(1))) with { Account = gold }, Now, "k");
        Assert.True(tx.Spend(10_000, LedgerEntryType.Spend, null, null).IsSuccess);

        TierEngine.Evaluate(tx, Program);
        Assert.Equal("gold", tx.Account.Tier);

        var later = new LedgerTransaction(State() with { Account = gold }, Now.AddMonths(2), "k2");
        TierEngine.Evaluate(later, Program);
        Assert.Equal("normal", later.Account.Tier);
        Assert.Null(later.Account.TierReviewAt);
        Assert.Contains("downgrade", later.Entries.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_months_extend_the_review_date()
    {
        var program = Program with { Tiers = Program.Tiers with { RetentionMonths = 3, Window = TierWindow.CalendarYear } };

        var review = TierEngine.NextReview(program, new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.FromHours(8)), review);
    }

    [Fact]
    public void Tier_status_shows_benefits_and_progress_to_the_next_tier()
    {
        var status = TierStatus.For(Earned(New(), 1500, Now), Program, Now);

        Assert.Equal(("silver", "gold", 3500m), (status.Tier, status.NextTier, status.ToNextTier));
        Assert.Equal(1.2m, status.Benefits.EarnMultiplier);
    }
}
