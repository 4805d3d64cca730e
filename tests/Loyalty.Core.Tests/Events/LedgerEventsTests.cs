using Loyalty.Core.Events;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;

namespace Loyalty.Core.Tests.Events;

public sealed class LedgerEventsTests
{
    private static readonly MemberKey Member = new("tea-house", "m-1001");
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 30, 0, TimeSpan.Zero);

    private static LedgerEntry Entry(string id, LedgerEntryType type, long delta, long balanceAfter, int sequence = 0, DateTimeOffset? at = null) => new()
    {
        EntryId = id,
        Type = type,
        Delta = delta,
        BalanceAfter = balanceAfter,
        At = at ?? At,
        Sequence = sequence,
        Reference = "A-1",
        Reason = "not part of the event",
    };

    [Fact]
    public void An_entry_becomes_one_event_with_its_id_points_and_reference()
    {
        var e = LedgerEvents.From(Member, Entry("e1", LedgerEntryType.Earn, 120, 620));

        Assert.Equal(
            new LoyaltyEvent
            {
                EventId = "e1",
                Type = "points.earned",
                TenantId = "tea-house",
                MemberId = "m-1001",
                EntryId = "e1",
                Delta = 120,
                BalanceAfter = 620,
                OccurredAt = At,
                Reference = "A-1",
            },
            e);
    }

    [Theory]
    [InlineData(LedgerEntryType.Earn, "points.earned")]
    [InlineData(LedgerEntryType.Spend, "points.spent")]
    [InlineData(LedgerEntryType.Expire, "points.expired")]
    [InlineData(LedgerEntryType.Refund, "points.refunded")]
    [InlineData(LedgerEntryType.Adjust, "points.adjusted")]
    public void Entry_types_map_to_stable_event_names(LedgerEntryType type, string expected)
    {
        Assert.Equal(expected, LoyaltyEventTypes.For(type));
    }

    [Fact]
    public void Every_entry_type_has_a_distinct_event_name()
    {
        var names = Enum.GetValues<LedgerEntryType>().Select(LoyaltyEventTypes.For).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(LoyaltyEventTypes.TierChanged, LoyaltyEventTypes.For(LedgerEntryType.Tier));
    }

    [Fact]
    public void An_outcome_maps_every_entry_in_ledger_order_including_expiry_that_fell_due()
    {
        var expire = Entry("e-exp", LedgerEntryType.Expire, -30, 470, sequence: 0);
        var spend = Entry("e-spend", LedgerEntryType.Spend, -100, 370, sequence: 1);
        var outcome = new LedgerOutcome
        {
            IdempotencyKey = "k",
            Entry = spend,
            Entries = [spend, expire],
            Balance = new BalanceSnapshot(370, 370, 0, 0),
        };

        var events = LedgerEvents.From(Member, outcome);

        Assert.Equal(["e-exp", "e-spend"], events.Select(e => e.EventId));
        Assert.Equal(["points.expired", "points.spent"], events.Select(e => e.Type));
    }

    [Fact]
    public void A_replayed_outcome_maps_to_the_same_events_so_a_republish_is_a_duplicate()
    {
        var entry = Entry("e1", LedgerEntryType.Earn, 120, 620);
        var first = new LedgerOutcome { IdempotencyKey = "k", Entry = entry, Entries = [entry], Balance = new BalanceSnapshot(620, 620, 0, 0) };

        Assert.Equal(LedgerEvents.From(Member, first), LedgerEvents.From(Member, first with { Replayed = true }));
    }

    [Fact]
    public void An_outcome_with_only_its_main_entry_still_yields_it()
    {
        var entry = Entry("e1", LedgerEntryType.Adjust, 50, 50);
        var outcome = new LedgerOutcome { IdempotencyKey = "k", Entry = entry, Balance = new BalanceSnapshot(50, 50, 0, 0) };

        Assert.Equal(["e1"], LedgerEvents.From(Member, outcome).Select(e => e.EventId));
    }

    [Fact]
    public void An_outcome_with_nothing_to_do_yields_no_event()
    {
        var outcome = new LedgerOutcome { IdempotencyKey = "k", Balance = new BalanceSnapshot(0, 0, 0, 0) };

        Assert.Empty(LedgerEvents.From(Member, outcome));
    }

    [Fact]
    public void A_tier_entry_becomes_a_tier_changed_event_with_both_tiers()
    {
        var entry = Entry("e1", LedgerEntryType.Tier, 0, 5200) with { Details = new Dictionary<string, string> { ["from"] = "silver", ["to"] = "gold" } };

        var e = LedgerEvents.From(Member, entry);

        Assert.Equal(("e1", "tier.changed", "e1"), (e.EventId, e.Type, e.EntryId));
        Assert.Equal(("silver", "gold", 0L, 5200L), (e.PreviousTier, e.Tier, e.Delta, e.BalanceAfter));
    }
}
