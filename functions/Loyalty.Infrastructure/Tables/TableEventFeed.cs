using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Events;
using Loyalty.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// The pull feed on Table Storage. Partition = tenant, so an event's two rows commit in one entity-group transaction:
/// <c>id:{event id}</c>, the marker whose add fails (409) when the event is already in the feed, and
/// <c>ev:{append ticks:D19}:{event id}</c>, the event in feed order. Feed order is append order, not
/// <see cref="LoyaltyEvent.OccurredAt"/>: a late append (an event that occurred long ago, relayed now) goes to the end,
/// never behind a cursor a poller already holds. Reads stop <see cref="EventFeedOptions.ReadLag"/> short of now, so an
/// append that took its time but has not committed yet cannot be skipped either. Partition <c>:tenants</c> lists the
/// tenants with a feed, which is all the retention timer reads to find its rows.
/// </summary>
/// <remarks>
/// One partition per tenant bounds a tenant's feed to what a partition takes (about 2,000 rows/s on Azure, so some
/// 1,000 events/s, more when they come in batches).
/// </remarks>
public sealed class TableEventFeed(LoyaltyTables tables, TimeProvider time, IOptions<EventFeedOptions> options, ILogger<TableEventFeed> logger)
    : IEventFeed, IEventFeedRetention
{
    public const int MaxPageSize = 1000;

    /// <summary>Two rows an event, at most 100 rows a transaction.</summary>
    public const int MaxEventsPerTransaction = 50;

    internal const string TenantsPartition = ":tenants";

    private const string MarkerPrefix = "id:";

    private readonly ConcurrentDictionary<string, bool> _knownTenants = new(StringComparer.Ordinal);

    private long _lastTicks;

    public async Task AppendAsync(IReadOnlyList<LoyaltyEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.FirstOrDefault(e => !EventFeedCursor.IsKeySafe(e.EventId)) is { } unsafeId)
        {
            throw new ArgumentException($"Event id '{unsafeId.EventId}' cannot be a table key (1-512 characters, none of / \\ # ? or control characters).", nameof(events));
        }

        var table = await tables.GetAsync(LoyaltyTables.EventFeed);
        foreach (var tenant in events.DistinctBy(e => (e.TenantId, e.EventId)).GroupBy(e => e.TenantId, StringComparer.Ordinal))
        {
            await RegisterTenantAsync(table, tenant.Key, cancellationToken);
            foreach (var chunk in tenant.Chunk(MaxEventsPerTransaction))
            {
                if (chunk.Length > 1 && await TryAppendAsync(table, tenant.Key, chunk, cancellationToken))
                {
                    continue;
                }

                // Some are in the feed already (a retried relay): append the others together, and only if another
                // appender races us on those too, one transaction each.
                var missing = chunk.Length > 1 ? await NotInFeedAsync(table, tenant.Key, chunk, cancellationToken) : chunk;
                if (missing.Length > 1 && await TryAppendAsync(table, tenant.Key, missing, cancellationToken))
                {
                    continue;
                }

                foreach (var loyaltyEvent in missing)
                {
                    await TryAppendAsync(table, tenant.Key, [loyaltyEvent], cancellationToken);
                }
            }
        }
    }

    public async Task<EventFeedPage> ReadAsync(string tenantId, string? after, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var from = after is null ? EventFeedCursor.Prefix : EventFeedCursor.Decode(after);
        var settled = EventFeedCursor.At(Math.Max(0, time.GetUtcNow().UtcTicks - options.Value.ReadLag.Ticks));
        var table = await tables.GetAsync(LoyaltyTables.EventFeed);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {from} and RowKey lt {settled}");
        var events = new List<LoyaltyEvent>(Math.Min(pageSize, 100));
        var last = from;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, pageSize, ["RowKey", "Event"], cancellationToken))
        {
            events.Add(StorageJson.Deserialize<LoyaltyEvent>(row.GetString("Event")));
            last = row.RowKey;
            if (events.Count == pageSize)
            {
                return new EventFeedPage(events, EventFeedCursor.Encode(last));
            }
        }

        // Everything up to the settled time has been read: the next read starts there (never before where it was).
        return new EventFeedPage(events, EventFeedCursor.Encode(string.CompareOrdinal(settled, from) > 0 ? settled : from));
    }

    public async Task<int> PruneAsync(DateTimeOffset appendedBefore, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.EventFeed);
        var tenants = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TenantsPartition}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            tenants.Add(row.RowKey);
        }

        var pruned = 0;
        foreach (var tenantId in tenants)
        {
            pruned += await PruneTenantAsync(table, tenantId, EventFeedCursor.At(appendedBefore.UtcTicks), cancellationToken);
        }

        return pruned;
    }

    private static async Task<int> PruneTenantAsync(TableClient table, string tenantId, string before, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {EventFeedCursor.Prefix} and RowKey lt {before}");
        var pruned = 0;
        var chunk = new List<string>(MaxEventsPerTransaction);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            chunk.Add(row.RowKey);
            if (chunk.Count == MaxEventsPerTransaction)
            {
                pruned += await DeleteAsync(table, tenantId, chunk, cancellationToken);
                chunk.Clear();
            }
        }

        return chunk.Count > 0 ? pruned + await DeleteAsync(table, tenantId, chunk, cancellationToken) : pruned;
    }

    /// <summary>Deletes events with their markers; a row already gone (a second prune at the same time) is no failure.</summary>
    private static async Task<int> DeleteAsync(TableClient table, string tenantId, List<string> eventRows, CancellationToken cancellationToken)
    {
        var rows = eventRows.SelectMany(r => new[] { r, MarkerPrefix + EventFeedCursor.EventId(r) }).ToList();
        try
        {
            await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(tenantId, r), ETag.All)), cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            foreach (var row in rows)
            {
                await table.DeleteEntityAsync(tenantId, row, ETag.All, cancellationToken);
            }
        }

        return eventRows.Count;
    }

    /// <summary>Appends the events in one transaction; false (and nothing written) when one of them is already in the feed.</summary>
    private async Task<bool> TryAppendAsync(TableClient table, string tenantId, LoyaltyEvent[] events, CancellationToken cancellationToken)
    {
        var stamped = time.GetUtcNow();
        var actions = new List<TableTransactionAction>(events.Length * 2);
        foreach (var loyaltyEvent in events)
        {
            var rowKey = EventFeedCursor.RowKey(NextTicks(stamped), loyaltyEvent.EventId);
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(tenantId, MarkerPrefix + loyaltyEvent.EventId) { ["At"] = rowKey }));
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(tenantId, rowKey) { ["Event"] = StorageJson.Serialize(loyaltyEvent), ["Type"] = loyaltyEvent.Type }));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }

        var took = time.GetUtcNow() - stamped;
        if (took >= options.Value.ReadLag)
        {
            logger.LogWarning(
                "Appending {Count} events to the feed of {TenantId} took {Took} ms, not less than the read lag ({Lag} ms): a poller may have read past them. Raise {Setting}.",
                events.Length,
                tenantId,
                (long)took.TotalMilliseconds,
                (long)options.Value.ReadLag.TotalMilliseconds,
                $"{EventFeedOptions.Section}__{nameof(EventFeedOptions.ReadLag)}");
        }

        return true;
    }

    private static async Task<LoyaltyEvent[]> NotInFeedAsync(TableClient table, string tenantId, LoyaltyEvent[] events, CancellationToken cancellationToken)
    {
        var markers = await Task.WhenAll(events.Select(e => table.GetEntityIfExistsAsync<TableEntity>(tenantId, MarkerPrefix + e.EventId, ["RowKey"], cancellationToken)));
        return [.. events.Where((_, i) => !markers[i].HasValue)];
    }

    /// <summary>Strictly increasing within this instance, so the events of one call keep their order.</summary>
    private long NextTicks(DateTimeOffset now)
    {
        while (true)
        {
            var last = Interlocked.Read(ref _lastTicks);
            var next = Math.Max(now.UtcTicks, last + 1);
            if (Interlocked.CompareExchange(ref _lastTicks, next, last) == last)
            {
                return next;
            }
        }
    }

    /// <summary>Written before the tenant's first events, so retention finds every partition that holds any.</summary>
    private async Task RegisterTenantAsync(TableClient table, string tenantId, CancellationToken cancellationToken)
    {
        if (_knownTenants.ContainsKey(tenantId))
        {
            return;
        }

        await table.UpsertEntityAsync(new TableEntity(TenantsPartition, tenantId), TableUpdateMode.Merge, cancellationToken);
        _knownTenants[tenantId] = true;
    }
}
