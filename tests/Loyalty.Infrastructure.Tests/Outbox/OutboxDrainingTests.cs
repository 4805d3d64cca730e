using Loyalty.Core.Events;
using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Infrastructure.Events;
using Loyalty.Infrastructure.Outbox;
using Loyalty.Infrastructure.Tables;
using Loyalty.Infrastructure.Tests.Support;
using Loyalty.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Loyalty.Infrastructure.Tests.Outbox;

/// <summary>The outbox against Azurite: events written with their batch, relayed by the request, and by the timer when the request could not.</summary>
public sealed class OutboxDrainingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OutboxRig _rig = new(azurite);

    private static readonly TimeSpan PastGrace = OutboxRelay.GracePeriod + TimeSpan.FromMinutes(1);

    /// <summary>New members, each registered and changed by <paramref name="commands"/> while the broker was down: their outbox rows are all left over.</summary>
    private async Task<List<Loyalty.Core.Members.MemberKey>> LeftoversAsync(int count, IReadOnlyList<LedgerCommand> commands)
    {
        _rig.BrokerDown = true;
        var members = new List<Loyalty.Core.Members.MemberKey>();
        for (var i = 0; i < count; i++)
        {
            var member = await _rig.NewMemberAsync();
            members.Add(member);
            foreach (var command in commands)
            {
                Assert.True((await _rig.Service.ExecuteAsync(member, command, CancellationToken.None)).IsSuccess);
            }
        }

        _rig.BrokerDown = false;
        return members;
    }

    [Fact]
    public async Task A_commit_relays_its_events_at_once_and_leaves_no_outbox_row()
    {
        var member = await _rig.NewMemberAsync();

        var earned = await _rig.Service.ExecuteAsync(member, new EarnPoints("e-1", _rig.Earn(120, "A-1")), CancellationToken.None);
        var spent = await _rig.Service.ExecuteAsync(member, new SpendPoints("s-1", 20, "R-1", null), CancellationToken.None);

        Assert.True(earned.IsSuccess && spent.IsSuccess);
        var events = _rig.Feed.Events;
        Assert.Equal(["member.registered", "points.earned", "points.spent"], events.Select(e => e.Type));
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Sequence));
        Assert.Equal([LedgerEvents.RegisteredEventId(member), earned.Value!.Entry!.EntryId, spent.Value!.Entry!.EntryId], events.Select(e => e.EventId));
        Assert.Equal(events.Select(e => e.EventId), _rig.Delivered.Select(m => m.MessageId));
        Assert.Empty(await _rig.OutboxRowsAsync(member));
        Assert.Equal(3, (await _rig.Store.GetAccountAsync(member, CancellationToken.None))!.EventSequence);
    }

    [Fact]
    public async Task A_broker_outage_fails_nothing_and_the_timer_publishes_the_events_later_once()
    {
        var member = await _rig.NewMemberAsync();
        _rig.BrokerDown = true;

        var earned = await _rig.Service.ExecuteAsync(member, new EarnPoints("e-1", _rig.Earn(120, "A-1")), CancellationToken.None);

        Assert.True(earned.IsSuccess, "The commit stands when the relay fails.");
        Assert.Single(await _rig.OutboxRowsAsync(member));
        _rig.BrokerDown = false;
        Assert.Equal(0, await _rig.Relay.RelayLeftoversAsync(CancellationToken.None));
        _rig.Time.Advance(PastGrace);
        Assert.Equal(1, await _rig.Relay.RelayLeftoversAsync(CancellationToken.None));
        Assert.Equal(0, await _rig.Relay.RelayLeftoversAsync(CancellationToken.None));

        var entryId = earned.Value!.Entry!.EntryId;
        Assert.Single(_rig.Delivered, m => m.MessageId == entryId);
        Assert.Single(_rig.Feed.Events, e => e.EventId == entryId);
        Assert.Empty(await _rig.OutboxRowsAsync(member));
        Assert.Equal(0, await _rig.IntentCountAsync());
    }

    [Fact]
    public async Task A_process_that_stops_between_commit_and_publish_has_its_events_published_by_the_timer_once_per_event_id()
    {
        var crashing = new OutboxLedgerStore(new CrashingLedgerStore(_rig.Store, LedgerEntryType.Earn, afterWrite: true), new TableOutbox(_rig.Intents, _rig.Relay));
        var member = await _rig.NewMemberAsync();
        var service = new LedgerService(crashing, _rig.Time);

        await Assert.ThrowsAsync<InvalidOperationException>(() => service.ExecuteAsync(member, new EarnPoints("e-1", _rig.Earn(75)), CancellationToken.None));
        var replay = await _rig.Service.ExecuteAsync(member, new EarnPoints("e-1", _rig.Earn(75)), CancellationToken.None);

        Assert.True(replay.Value!.Replayed, "The batch landed before the process stopped.");
        Assert.DoesNotContain(_rig.Feed.Events, e => e.EventId == replay.Value.Entry!.EntryId);
        _rig.Time.Advance(PastGrace);
        await _rig.Relay.RelayLeftoversAsync(CancellationToken.None);
        await _rig.Relay.RelayLeftoversAsync(CancellationToken.None);
        Assert.Single(_rig.Delivered, m => m.MessageId == replay.Value.Entry!.EntryId);
        Assert.Equal(["member.registered", "points.earned"], _rig.Feed.Events.Where(e => e.MemberId == member.MemberId).Select(e => e.Type));
        Assert.Empty(await _rig.OutboxRowsAsync(member));
    }

    [Fact]
    public async Task A_feed_outage_keeps_the_row_until_both_the_topic_and_the_feed_took_it()
    {
        var member = await _rig.NewMemberAsync();
        _rig.Feed.Failures = 1;

        var earned = await _rig.Service.ExecuteAsync(member, new EarnPoints("e-1", _rig.Earn(10)), CancellationToken.None);

        Assert.True(earned.IsSuccess);
        Assert.Single(await _rig.OutboxRowsAsync(member));
        _rig.Time.Advance(PastGrace);
        Assert.Equal(1, await _rig.Relay.RelayLeftoversAsync(CancellationToken.None));
        Assert.Single(_rig.Feed.Events, e => e.EventId == earned.Value!.Entry!.EntryId);
        Assert.Equal(2, _rig.Delivered.Count(m => m.MessageId == earned.Value!.Entry!.EntryId));
    }

    [Fact]
    public async Task Concurrent_relays_put_each_leftover_event_in_the_feed_once_and_clear_every_row()
    {
        var members = await LeftoversAsync(6, [new EarnPoints("e-0", _rig.Earn(10)), new EarnPoints("e-1", _rig.Earn(11)), new EarnPoints("e-2", _rig.Earn(12))]);
        _rig.Time.Advance(PastGrace);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => _rig.Relay.RelayLeftoversAsync(CancellationToken.None))));

        var ours = _rig.Feed.Events.Where(e => members.Any(m => m.MemberId == e.MemberId)).ToList();
        Assert.Equal(6 * 4, ours.Count);
        Assert.Equal(ours.Count, ours.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(ours.Select(e => e.EventId).ToHashSet(), _rig.Delivered.Select(m => m.MessageId).Where(id => ours.Any(e => e.EventId == id)).ToHashSet());
        foreach (var member in members)
        {
            Assert.Empty(await _rig.OutboxRowsAsync(member));
        }

        Assert.Equal(0, await _rig.IntentCountAsync());
    }

    [Fact]
    public async Task Concurrent_relays_into_the_table_feed_store_each_event_once()
    {
        var members = await LeftoversAsync(4, [new EarnPoints("e-1", _rig.Earn(10)), new SpendPoints("s-1", 4, null, null)]);
        var feed = new TableEventFeed(_rig.Tables, _rig.Time, Options.Create(new EventFeedOptions { ReadLag = TimeSpan.Zero }), NullLogger<TableEventFeed>.Instance);
        var relay = new OutboxRelay(_rig.Tables, _rig.Intents, new LoggingEventPublisher(NullLogger<LoggingEventPublisher>.Instance), feed, _rig.Time, NullLogger<OutboxRelay>.Instance);
        _rig.Time.Advance(PastGrace);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => relay.RelayLeftoversAsync(CancellationToken.None))));
        _rig.Time.Advance(TimeSpan.FromSeconds(1));

        var page = await feed.ReadAsync("shop", null, 1000, CancellationToken.None);
        var ours = page.Events.Where(e => members.Any(m => m.MemberId == e.MemberId)).ToList();
        Assert.Equal(4 * 3, ours.Count);
        Assert.Equal(ours.Count, ours.Select(e => e.EventId).Distinct().Count());
        Assert.All(members, m => Assert.Equal([1L, 2L, 3L], ours.Where(e => e.MemberId == m.MemberId).Select(e => e.Sequence).Order()));
    }

    [Fact]
    public async Task Sequence_numbers_of_a_member_increase_by_one_without_gaps_under_concurrent_changes()
    {
        var member = await _rig.NewMemberAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => _rig.Service.ExecuteAsync(member, new EarnPoints($"e-{i}", _rig.Earn(5)), CancellationToken.None))));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        var sequences = _rig.Feed.Events.Where(e => e.MemberId == member.MemberId).Select(e => e.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, 21).Select(i => (long)i), sequences);
        Assert.Equal(21, (await _rig.Store.GetAccountAsync(member, CancellationToken.None))!.EventSequence);
    }

    [Fact]
    public async Task Changes_of_one_member_within_a_minute_record_one_intent_and_the_timer_leaves_recent_intents_alone()
    {
        var member = await _rig.NewMemberAsync();
        for (var i = 0; i < 5; i++)
        {
            await _rig.Service.ExecuteAsync(member, new EarnPoints($"e-{i}", _rig.Earn(5)), CancellationToken.None);
        }

        Assert.Equal(1, await _rig.IntentCountAsync());
        _rig.Time.Advance(OutboxRelay.GracePeriod - TimeSpan.FromMinutes(1));
        await _rig.Relay.RelayLeftoversAsync(CancellationToken.None);
        Assert.Equal(1, await _rig.IntentCountAsync());
        _rig.Time.Advance(TimeSpan.FromMinutes(2));
        await _rig.Relay.RelayLeftoversAsync(CancellationToken.None);
        Assert.Equal(0, await _rig.IntentCountAsync());
    }

    [Fact]
    public async Task A_batch_of_many_events_fits_one_outbox_row_across_several_properties()
    {
        var member = await _rig.NewMemberAsync();
        var details = new Dictionary<string, string> { ["note"] = new string('x', 600) };
        var events = Enumerable.Range(1, 98).Select(i => new LoyaltyEvent
        {
            EventId = $"ev-{i}",
            Type = LoyaltyEventTypes.PointsExpired,
            TenantId = member.TenantId,
            MemberId = member.MemberId,
            Sequence = 100 + i,
            OccurredAt = _rig.Time.GetUtcNow(),
            Details = details,
        }).ToList();
        var row = OutboxRows.ToEntity(member.PartitionKey, events);
        var table = await _rig.Tables.GetAsync(Loyalty.Infrastructure.Storage.LoyaltyTables.Ledger);

        await table.AddEntityAsync(row);

        var stored = Assert.Single(await _rig.OutboxRowsAsync(member));
        Assert.True(stored.ContainsKey("Events2"), "The JSON spans several properties of at most 30,000 characters.");
        Assert.Equal(events.Select(e => e.EventId), OutboxRows.ToEvents(stored).Select(e => e.EventId));
        Assert.Equal("~outbox:0000000000000000101", stored.RowKey);
    }
}
