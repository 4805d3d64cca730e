using Loyalty.Core.Events;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Insights.Projections;

/// <summary>
/// Keeps a tenant's projections (member activity, tenant days) current from its event feed, exactly once per event:
/// a batch is recorded as pending on the cursor before it is applied, every row it writes records the batch number,
/// and the cursor moves on only after all of them. A crash anywhere re-applies the same batch, which rows that have it skip.
/// Two projectors of one tenant cannot both apply a batch: only one wins the cursor's ETag.
/// </summary>
public sealed class InsightsProjector(IEventFeed feed, IInsightsStore store, ProgramService programs)
{
    /// <summary>Fixed: a pending batch is re-read as the first <see cref="PendingBatch.Count"/> events of a page of this size.</summary>
    public const int PageSize = 200;

    /// <summary>Applies the feed's new events, at most <paramref name="maxBatches"/> pages; returns the number of events applied.</summary>
    public async Task<int> ProjectAsync(string tenantId, int maxBatches, CancellationToken cancellationToken)
    {
        var zone = (await programs.GetAsync(tenantId, cancellationToken)).Rules.Zone();
        var applied = 0;
        for (var i = 0; i < maxBatches; i++)
        {
            var cursor = await store.GetCursorAsync(tenantId, cancellationToken) ?? ProjectorCursor.Start;
            var page = await feed.ReadAsync(tenantId, cursor.Position, PageSize, cancellationToken);
            IReadOnlyList<LoyaltyEvent> events;
            if (cursor.Pending is { } pending)
            {
                events = [.. page.Events.Take(pending.Count)];
            }
            else if (page.Events.Count == 0)
            {
                if (page.Cursor != cursor.Position)
                {
                    await store.TrySaveCursorAsync(tenantId, cursor with { Position = page.Cursor }, cancellationToken);
                }

                return applied;
            }
            else
            {
                events = page.Events;
                if (!await store.TrySaveCursorAsync(tenantId, cursor with { Pending = new PendingBatch(events.Count, page.Cursor) }, cancellationToken))
                {
                    return applied;
                }

                cursor = await store.GetCursorAsync(tenantId, cancellationToken) ?? throw new InvalidOperationException("The projector cursor vanished.");
            }

            var batch = cursor.Batch + 1;
            await ApplyAsync(tenantId, events, batch, zone, cancellationToken);
            applied += events.Count;
            var next = cursor.Pending!.Next;
            if (!await store.TrySaveCursorAsync(tenantId, cursor with { Position = next, Batch = batch, Pending = null }, cancellationToken))
            {
                return applied;
            }
        }

        return applied;
    }

    private async Task ApplyAsync(string tenantId, IReadOnlyList<LoyaltyEvent> events, long batch, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var projected = events.Select(e => ProjectedEvent.Of(e, zone)).ToList();
        var rows = await store.GetMembersAsync(tenantId, [.. projected.Select(p => p.Event.MemberId).Distinct(StringComparer.Ordinal)], cancellationToken);

        // Events a rebuild already counted (it read the ledger after they were committed) are in no projection again.
        var fresh = projected.Where(p => !(rows.GetValueOrDefault(p.Event.MemberId)?.Covers(p.Event.Sequence) ?? false)).ToList();
        foreach (var member in fresh.GroupBy(p => p.Event.MemberId, StringComparer.Ordinal))
        {
            var row = rows.GetValueOrDefault(member.Key);
            if (row is not null && row.LastBatch >= batch)
            {
                continue;
            }

            var updated = member.Aggregate(row, (r, p) => MemberActivityProjection.Apply(r, member.Key, p))! with { LastBatch = batch, ETag = row?.ETag };
            await SaveAsync(store.TrySaveMemberAsync(tenantId, updated, cancellationToken), "member " + member.Key);
        }

        var days = await store.GetDaysAsync(tenantId, [.. fresh.Select(p => p.Date).Distinct()], cancellationToken);
        foreach (var date in fresh.GroupBy(p => p.Date))
        {
            var row = days.GetValueOrDefault(date.Key);
            if (row is not null && row.LastBatch >= batch)
            {
                continue;
            }

            var day = date.Aggregate(row?.Day, (d, p) => TenantDayProjection.Apply(d, p))!;
            await SaveAsync(store.TrySaveDayAsync(tenantId, new TenantDayRow(day, batch, row?.ETag), cancellationToken), $"day {date.Key:yyyy-MM-dd}");
        }
    }

    /// <summary>A row changed under us: another writer (a rebuild) is at work; the batch stays pending and is re-applied next run.</summary>
    private static async Task SaveAsync(Task<bool> save, string what)
    {
        if (!await save)
        {
            throw new InvalidOperationException($"The projection row of {what} changed while a batch was applied; the batch is re-applied on the next run.");
        }
    }
}
