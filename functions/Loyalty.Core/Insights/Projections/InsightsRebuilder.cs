using Loyalty.Core.Events;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Insights.Projections;

/// <summary>
/// Recomputes a tenant's projections from the ledger: every listed member's entries, turned into the events the outbox
/// would have written (<see cref="LedgerEvents"/>) and applied by the same projection code. The feed position is taken
/// first and the ledger read after, so every event before that position is in the ledger; each member row records the
/// account's event sequence read, and the projector skips events up to it (committed during the rebuild, appended later).
/// </summary>
public sealed class InsightsRebuilder(IMemberDirectory directory, ILedgerStore ledger, IEventFeed feed, IInsightsStore store, ProgramService programs)
{
    private const int MemberPageSize = 200;

    private const int EntryPageSize = 500;

    public async Task<RebuildSummary> RebuildAsync(string tenantId, CancellationToken cancellationToken)
    {
        var zone = (await programs.GetAsync(tenantId, cancellationToken)).Rules.Zone();
        var cursor = await store.GetCursorAsync(tenantId, cancellationToken) ?? ProjectorCursor.Start;
        var position = await FeedEndAsync(tenantId, cursor.Position, cancellationToken);
        var batch = cursor.Batch + 1;
        var members = new List<MemberActivityRow>();
        var days = new Dictionary<DateOnly, TenantDay>();
        string? token = null;
        do
        {
            var page = await directory.ListAsync(tenantId, new MemberListQuery(PageSize: MemberPageSize, ContinuationToken: token), cancellationToken);
            foreach (var item in page.Members)
            {
                var key = new MemberKey(tenantId, item.MemberId);
                if (await ledger.GetAccountAsync(key, cancellationToken) is not { } account)
                {
                    continue;
                }

                var events = LedgerEvents.ForOpening(account, await EntriesAsync(key, cancellationToken)).Select(e => ProjectedEvent.Of(e, zone)).ToList();
                var row = events.Aggregate((MemberActivityRow?)null, (r, p) => MemberActivityProjection.Apply(r, item.MemberId, p))!;
                members.Add(row with { LastBatch = batch, RebuiltThrough = account.EventSequence, Activity = row.Activity with { Tier = account.Tier, StoreId = account.StoreId } });
                foreach (var e in events)
                {
                    days[e.Date] = TenantDayProjection.Apply(days.GetValueOrDefault(e.Date), e);
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        await store.ReplaceAsync(tenantId, members, [.. days.Values.OrderBy(d => d.Date).Select(d => new TenantDayRow(d, batch))], new ProjectorCursor(position, batch, null, cursor.ETag), cancellationToken);
        return new RebuildSummary(members.Count, days.Count);
    }

    private async Task<List<LedgerEntry>> EntriesAsync(MemberKey key, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>();
        string? token = null;
        do
        {
            var page = await ledger.QueryEntriesAsync(key, new LedgerQuery(PageSize: EntryPageSize, ContinuationToken: token), cancellationToken);
            entries.AddRange(page.Entries);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return entries;
    }

    private async Task<string?> FeedEndAsync(string tenantId, string? position, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await feed.ReadAsync(tenantId, position, InsightsProjector.PageSize, cancellationToken);
            position = page.Cursor;
            if (page.Events.Count < InsightsProjector.PageSize)
            {
                return position;
            }
        }
    }
}

/// <summary>What a rebuild wrote: member rows and day rows.</summary>
public sealed record RebuildSummary(int Members, int Days);
