using Azure.Data.Tables;
using Loyalty.Core.Common;
using Loyalty.Core.Events;
using Loyalty.Infrastructure.Storage;
using Loyalty.Infrastructure.Tables;
using Loyalty.Infrastructure.Tests.Support;
using Loyalty.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Loyalty.Infrastructure.Tests.Tables;

/// <summary>The pull feed against Azurite: each event once, in append order, paged by cursor, held back by the read lag, per tenant, pruned by age.</summary>
public sealed class EventFeedTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Lag = TimeSpan.FromSeconds(5);

    private readonly LoyaltyTables _tables = new StorageContext(azurite).Tables;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Past the read lag of everything appended so far (appends of one call are a tick apart).</summary>
    private void Settle() => _time.Advance(Lag + TimeSpan.FromSeconds(1));

    private static string NewTenant() => "t" + Guid.NewGuid().ToString("N")[..10];

    private static LoyaltyEvent Event(string tenantId, string id, DateTimeOffset? occurredAt = null) => new()
    {
        EventId = id,
        Type = LoyaltyEventTypes.PointsEarned,
        TenantId = tenantId,
        MemberId = "m-" + id,
        EntryId = id,
        Delta = 10,
        BalanceAfter = 10,
        OccurredAt = occurredAt ?? new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero),
        Reference = "order-" + id,
    };

    private static IReadOnlyList<LoyaltyEvent> Events(string tenantId, int from, int count) =>
        [.. Enumerable.Range(from, count).Select(i => Event(tenantId, $"e{i:D4}"))];

    private TableEventFeed Feed(TimeProvider? time = null, TimeSpan? lag = null) =>
        new(_tables, time ?? _time, Options.Create(new EventFeedOptions { ReadLag = lag ?? Lag }), NullLogger<TableEventFeed>.Instance);

    private static async Task<(List<LoyaltyEvent> Events, string Cursor, int Pages)> ReadAllAsync(TableEventFeed feed, string tenantId, string? after = null, int pageSize = 1000)
    {
        var events = new List<LoyaltyEvent>();
        var pages = 0;
        while (true)
        {
            var page = await feed.ReadAsync(tenantId, after, pageSize, CancellationToken.None);
            pages++;
            events.AddRange(page.Events);
            after = page.Cursor;
            if (page.Events.Count < pageSize)
            {
                return (events, after, pages);
            }
        }
    }

    [Fact]
    public async Task The_same_event_appended_twice_in_one_call_and_again_later_is_in_the_feed_once()
    {
        var tenant = NewTenant();
        var feed = Feed();
        var first = Event(tenant, "e1");

        await feed.AppendAsync([first, Event(tenant, "e2"), first], CancellationToken.None);
        await feed.AppendAsync([Event(tenant, "e3"), first with { Delta = 99 }], CancellationToken.None);
        Settle();
        var read = await ReadAllAsync(feed, tenant);

        Assert.Equal(["e1", "e2", "e3"], read.Events.Select(e => e.EventId));
        Assert.Equal(10, read.Events[0].Delta);
        Assert.Equal(first, read.Events[0]);
    }

    [Fact]
    public async Task Concurrent_appends_of_overlapping_sets_by_two_instances_add_each_event_once_in_each_callers_order()
    {
        var tenant = NewTenant();
        var (one, two) = (Feed(), Feed());
        var all = Events(tenant, 0, 200);

        await Task.WhenAll(
            Task.Run(() => one.AppendAsync([.. all.Take(120)], CancellationToken.None)),
            Task.Run(() => two.AppendAsync([.. all.Skip(60).Take(100)], CancellationToken.None)),
            Task.Run(() => one.AppendAsync([.. all.Skip(100)], CancellationToken.None)),
            Task.Run(() => two.AppendAsync([.. all.Skip(30).Take(40)], CancellationToken.None)));
        Settle();
        var read = await ReadAllAsync(one, tenant, pageSize: 37);

        Assert.Equal(all.Select(e => e.EventId).Order(), read.Events.Select(e => e.EventId).Order());
        Assert.Equal(200, read.Events.Select(e => e.EventId).Distinct().Count());
        // e0000-e0029 only the first call appends, e0160-e0199 only the third: each run keeps its caller's order.
        var ids = read.Events.Select(e => e.EventId).ToList();
        Assert.Equal(all.Take(30).Select(e => e.EventId), ids.Where(id => string.CompareOrdinal(id, "e0030") < 0));
        Assert.Equal(all.Skip(160).Select(e => e.EventId), ids.Where(id => string.CompareOrdinal(id, "e0160") >= 0));
    }

    [Fact]
    public async Task Events_are_in_append_order_not_occurrence_order_so_a_late_append_comes_after_what_a_poller_read()
    {
        var tenant = NewTenant();
        var feed = Feed();
        await feed.AppendAsync([Event(tenant, "recent", _time.GetUtcNow())], CancellationToken.None);
        Settle();
        var first = await feed.ReadAsync(tenant, null, 100, CancellationToken.None);

        await feed.AppendAsync([Event(tenant, "old", _time.GetUtcNow().AddDays(-3))], CancellationToken.None);
        Settle();
        var next = await feed.ReadAsync(tenant, first.Cursor, 100, CancellationToken.None);

        Assert.Equal("recent", Assert.Single(first.Events).EventId);
        Assert.Equal("old", Assert.Single(next.Events).EventId);
    }

    [Fact]
    public async Task More_events_than_one_transaction_holds_are_read_back_page_by_page_in_order_and_an_empty_page_keeps_the_place()
    {
        var tenant = NewTenant();
        var feed = Feed();
        var events = Events(tenant, 0, 130);
        await feed.AppendAsync(events, CancellationToken.None);
        Settle();

        var read = await ReadAllAsync(feed, tenant, pageSize: 50);
        var empty = await feed.ReadAsync(tenant, read.Cursor, 50, CancellationToken.None);
        await feed.AppendAsync([Event(tenant, "later")], CancellationToken.None);
        Settle();
        var after = await feed.ReadAsync(tenant, empty.Cursor, 50, CancellationToken.None);

        Assert.Equal(events.Select(e => e.EventId), read.Events.Select(e => e.EventId));
        Assert.Equal(3, read.Pages);
        Assert.Empty(empty.Events);
        Assert.False(string.IsNullOrEmpty(empty.Cursor));
        Assert.Equal("later", Assert.Single(after.Events).EventId);
    }

    [Fact]
    public async Task A_read_stops_the_read_lag_short_of_now_so_an_append_that_commits_late_is_not_skipped()
    {
        var tenant = NewTenant();
        var feed = Feed();
        await feed.AppendAsync([Event(tenant, "a")], CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(4));
        var tooSoon = await feed.ReadAsync(tenant, null, 100, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));
        var settled = await feed.ReadAsync(tenant, tooSoon.Cursor, 100, CancellationToken.None);

        // Another instance took its position 3 s ago and commits only now, after the poller's read.
        var slow = Feed(new FakeTimeProvider(_time.GetUtcNow().AddSeconds(-3)));
        await slow.AppendAsync([Event(tenant, "slow")], CancellationToken.None);
        Settle();
        var next = await feed.ReadAsync(tenant, settled.Cursor, 100, CancellationToken.None);

        Assert.Empty(tooSoon.Events);
        Assert.Equal("a", Assert.Single(settled.Events).EventId);
        Assert.Equal("slow", Assert.Single(next.Events).EventId);
    }

    [Fact]
    public async Task Without_a_read_lag_the_same_late_commit_would_be_behind_the_cursor()
    {
        var tenant = NewTenant();
        var feed = Feed(lag: TimeSpan.Zero);
        await feed.AppendAsync([Event(tenant, "a")], CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        var first = await feed.ReadAsync(tenant, null, 100, CancellationToken.None);

        var slow = Feed(new FakeTimeProvider(_time.GetUtcNow().AddSeconds(-0.5)), TimeSpan.Zero);
        await slow.AppendAsync([Event(tenant, "slow")], CancellationToken.None);
        var next = await feed.ReadAsync(tenant, first.Cursor, 100, CancellationToken.None);

        Assert.Equal("a", Assert.Single(first.Events).EventId);
        Assert.Empty(next.Events);
    }

    [Fact]
    public async Task A_tenant_reads_only_its_own_events_also_with_a_cursor_from_another_tenant()
    {
        var (mine, theirs) = (NewTenant(), NewTenant());
        var feed = Feed();
        await feed.AppendAsync([Event(mine, "m1"), Event(theirs, "t1"), Event(mine, "m2"), Event(theirs, "t2")], CancellationToken.None);
        Settle();

        var read = await ReadAllAsync(feed, mine);
        var theirFirst = await feed.ReadAsync(theirs, null, 1, CancellationToken.None);
        var mineWithTheirCursor = await feed.ReadAsync(mine, theirFirst.Cursor, 100, CancellationToken.None);

        Assert.Equal(["m1", "m2"], read.Events.Select(e => e.EventId));
        Assert.All(mineWithTheirCursor.Events, e => Assert.Equal(mine, e.TenantId));
        Assert.Equal(["t1", "t2"], (await ReadAllAsync(feed, theirs)).Events.Select(e => e.EventId));
    }

    [Fact]
    public async Task Pruning_removes_events_appended_before_the_cutoff_with_their_markers_in_every_tenant_and_a_second_prune_finds_nothing()
    {
        var (one, two) = (NewTenant(), NewTenant());
        var feed = Feed();
        await feed.AppendAsync([.. Events(one, 0, 70), Event(two, "old")], CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(10));
        var cutoff = _time.GetUtcNow();
        await feed.AppendAsync([Event(one, "new"), Event(two, "new")], CancellationToken.None);
        Settle();

        var pruned = await feed.PruneAsync(cutoff, CancellationToken.None);
        var again = await feed.PruneAsync(cutoff, CancellationToken.None);

        Assert.True(pruned >= 71, $"pruned {pruned}");
        Assert.Equal(0, again);
        Assert.Equal(["new"], (await ReadAllAsync(feed, one)).Events.Select(e => e.EventId));
        Assert.Equal(["new"], (await ReadAllAsync(feed, two)).Events.Select(e => e.EventId));
        var table = await _tables.GetAsync(LoyaltyTables.EventFeed);
        var left = table.Query<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {one}")).Select(r => r.RowKey).ToList();
        Assert.Equal(2, left.Count);
        Assert.Contains("id:new", left);
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("MTIzIGFiYw")]
    [InlineData("ZXY6MTIz")]
    public async Task A_cursor_this_feed_did_not_issue_is_refused(string cursor)
    {
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => Feed().ReadAsync(NewTenant(), cursor, 10, CancellationToken.None));
    }

    [Fact]
    public async Task An_event_id_that_cannot_be_a_table_key_is_refused_before_anything_is_written()
    {
        var tenant = NewTenant();
        var feed = Feed();

        await Assert.ThrowsAsync<ArgumentException>(() => feed.AppendAsync([Event(tenant, "fine"), Event(tenant, "a/b")], CancellationToken.None));
        Settle();

        Assert.Empty((await feed.ReadAsync(tenant, null, 10, CancellationToken.None)).Events);
    }
}
