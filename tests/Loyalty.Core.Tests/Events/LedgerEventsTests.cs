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
    [InlineData(LedgerEntryType.Restore, "points.restored")]
    [InlineData(LedgerEntryType.Adjust, "points.adjusted")]
    [InlineData(LedgerEntryType.Hold, "points.held")]
    [InlineData(LedgerEntryType.Release, "points.released")]
    [InlineData(LedgerEntryType.TransferOut, "points.transferred")]
    [InlineData(LedgerEntryType.TransferIn, "points.transferred")]
    [InlineData(LedgerEntryType.Donation, "points.donated")]
    [InlineData(LedgerEntryType.Lottery, "lottery.drawn")]
    [InlineData(LedgerEntryType.Freeze, "member.frozen")]
    [InlineData(LedgerEntryType.Unfreeze, "member.unfrozen")]
    [InlineData(LedgerEntryType.Tier, "tier.changed")]
    [InlineData(LedgerEntryType.Void, "points.clawed_back")]
    [InlineData(LedgerEntryType.Complete, "points.pending")]
    [InlineData(LedgerEntryType.Profile, "member.profile_changed")]
    [InlineData(LedgerEntryType.MergeOut, "member.merged_out")]
    [InlineData(LedgerEntryType.MergeIn, "member.merged_in")]
    [InlineData(LedgerEntryType.Forfeit, "points.forfeited")]
    public void Entry_types_map_to_stable_event_names(LedgerEntryType type, string expected)
    {
        Assert.Equal(expected, LoyaltyEventTypes.For(type));
        Assert.Contains(expected, LoyaltyEventTypes.All);
    }

    [Fact]
    public void Every_entry_type_has_an_event_name_and_the_theory_above_covers_each()
    {
        var covered = typeof(LedgerEventsTests).GetMethod(nameof(Entry_types_map_to_stable_event_names))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>().Select(a => (LedgerEntryType)a.GetData(null!).Single()[0]);

        Assert.Equal(Enum.GetValues<LedgerEntryType>().Order(), covered.Order());
        Assert.All(Enum.GetValues<LedgerEntryType>(), t => Assert.NotEmpty(LoyaltyEventTypes.For(t)));
    }

    [Fact]
    public void A_referral_reward_is_an_earn_entry_told_apart_as_referral_rewarded()
    {
        var entry = Entry("e1", LedgerEntryType.Earn, 50, 50) with { Details = new Dictionary<string, string> { ["referee"] = "m-2", ["side"] = "referrer" } };

        var e = LedgerEvents.From(Member, entry);

        Assert.Equal("referral.rewarded", e.Type);
        Assert.Equal("m-2", e.Details!["referee"]);
    }

    [Fact]
    public void A_batch_is_numbered_on_from_the_account_sequence_in_ledger_order()
    {
        var expire = Entry("e-exp", LedgerEntryType.Expire, -30, 470, sequence: 0);
        var spend = Entry("e-spend", LedgerEntryType.Spend, -100, 370, sequence: 1);

        var events = LedgerEvents.ForBatch(Member, [spend, expire], lastSequence: 41);

        Assert.Equal([("e-exp", 42L), ("e-spend", 43L)], events.Select(e => (e.EventId, e.Sequence)));
    }

    [Fact]
    public void An_opening_starts_with_member_registered_as_number_one_under_an_id_derived_from_the_member()
    {
        var account = new MemberAccount { Key = Member, RegisteredAt = At, Tier = "silver" };
        var bonus = Entry("e-bonus", LedgerEntryType.Earn, 100, 100);

        var events = LedgerEvents.ForOpening(account, [bonus]);

        Assert.Equal([("member.registered", 1L), ("points.earned", 2L)], events.Select(e => (e.Type, e.Sequence)));
        Assert.Equal(LedgerEvents.ForOpening(account, [bonus])[0].EventId, events[0].EventId);
        Assert.NotEqual(LedgerEvents.RegisteredEventId(new MemberKey("other-shop", Member.MemberId)), events[0].EventId);
        Assert.Equal((At, "silver", (string?)null), (events[0].OccurredAt, events[0].Tier, events[0].EntryId));
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
