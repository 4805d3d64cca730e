using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Outbox;

/// <summary>
/// The time-bucketed index of partitions with unpublished outbox rows: partition <c>{UTC minute, yyyyMMddHHmm}</c>, row
/// <c>{table}|{partition key}</c>. An intent is upserted before the batch that writes outbox rows, so a batch that then
/// fails leaves only a harmless stale row; the relay timer reads the buckets older than the grace period (a handful of
/// partitions each) instead of scanning members, relays what their partitions still hold, then deletes the intent.
/// </summary>
public sealed class TableOutboxIntents(LoyaltyTables tables, TimeProvider time)
{
    private const string Format = "yyyyMMddHHmm";
    private const char Separator = '|';

    // Intents this process already wrote in the current bucket: a member changed many times in a minute costs one
    // upsert. Safe because the timer only ever reads buckets older than the grace period, never the current one.
    private (string Bucket, ConcurrentDictionary<string, bool> Written) _current = (string.Empty, new());

    public async Task RecordAsync(string table, string partitionKey, CancellationToken cancellationToken)
    {
        var bucket = Bucket(time.GetUtcNow());
        var current = _current;
        if (current.Bucket != bucket)
        {
            current = (bucket, new ConcurrentDictionary<string, bool>());
            _current = current;
        }

        var rowKey = table + Separator + partitionKey;
        if (current.Written.ContainsKey(rowKey))
        {
            return;
        }

        var index = await tables.GetAsync(LoyaltyTables.OutboxIntents);
        await index.UpsertEntityAsync(new TableEntity(bucket, rowKey), TableUpdateMode.Replace, cancellationToken);
        current.Written.TryAdd(rowKey, true);
    }

    /// <summary>Intents recorded before <paramref name="before"/>, oldest bucket first.</summary>
    public async IAsyncEnumerable<OutboxIntent> ListBeforeAsync(DateTimeOffset before, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var index = await tables.GetAsync(LoyaltyTables.OutboxIntents);
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {Bucket(before)}");
        await foreach (var row in index.QueryAsync<TableEntity>(filter, 1000, ["PartitionKey", "RowKey"], cancellationToken))
        {
            var separator = row.RowKey.IndexOf(Separator, StringComparison.Ordinal);
            if (separator > 0)
            {
                yield return new OutboxIntent(row.PartitionKey, row.RowKey[..separator], row.RowKey[(separator + 1)..]);
            }
        }
    }

    public async Task RemoveAsync(OutboxIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var index = await tables.GetAsync(LoyaltyTables.OutboxIntents);
        try
        {
            await index.DeleteEntityAsync(intent.Bucket, intent.Table + Separator + intent.PartitionKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Another relay removed it first.
        }
    }

    internal static string Bucket(DateTimeOffset at) => at.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}
