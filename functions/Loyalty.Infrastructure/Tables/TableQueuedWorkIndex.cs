using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Redrive;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// Queued work by time received: partition <c>yyyyMMddHHmm</c> (UTC, floored to 5 minutes), row
/// <c>{kind}:{tenant}:{id}</c>. Rows leave when their work ends, so the partitions older than a few minutes hold only
/// what is stuck, and "received before" is a partition-key range read from the oldest bucket on.
/// </summary>
public sealed class TableQueuedWorkIndex(LoyaltyTables tables) : IQueuedWorkIndex
{
    public static readonly TimeSpan BucketSize = TimeSpan.FromMinutes(5);

    public async Task AddAsync(QueuedWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var table = await tables.GetAsync(LoyaltyTables.QueuedWork);
        try
        {
            await table.AddEntityAsync(ToEntity(work), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Indexed by an earlier attempt: its re-drive count stands.
        }
    }

    public async Task RemoveAsync(QueuedWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var table = await tables.GetAsync(LoyaltyTables.QueuedWork);
        try
        {
            await table.DeleteEntityAsync(Bucket(work.QueuedAt), RowKey(work), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already removed.
        }
    }

    public async Task<IReadOnlyList<QueuedWork>> ListDueAsync(DateTimeOffset receivedBefore, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.QueuedWork);
        var due = new List<QueuedWork>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {Bucket(receivedBefore)} and QueuedAt lt {receivedBefore} and NextAt le {now}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            if (FromEntity(row) is { } work)
            {
                due.Add(work);
            }

            if (due.Count >= max)
            {
                break;
            }
        }

        return due;
    }

    public async Task<bool> TryUpdateAsync(QueuedWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var table = await tables.GetAsync(LoyaltyTables.QueuedWork);
        try
        {
            await table.UpdateEntityAsync(ToEntity(work), work.ETag is null ? ETag.All : new ETag(work.ETag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    public static string Bucket(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % BucketSize.Ticks), DateTimeKind.Utc).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
    }

    private static string RowKey(QueuedWork work) => $"{work.Kind.ToString().ToLowerInvariant()}:{work.TenantId}:{work.Id}";

    private static TableEntity ToEntity(QueuedWork work) => new(Bucket(work.QueuedAt), RowKey(work))
    {
        ["Kind"] = work.Kind.ToString(),
        ["TenantId"] = work.TenantId,
        ["WorkId"] = work.Id,
        ["QueuedAt"] = work.QueuedAt,
        ["NextAt"] = work.NextAt,
        ["Redrives"] = work.Redrives,
    };

    private static QueuedWork? FromEntity(TableEntity row) =>
        Enum.TryParse<QueuedWorkKind>(row.GetString("Kind"), out var kind) && row.GetDateTimeOffset("QueuedAt") is { } queuedAt
            ? new QueuedWork(kind, row.GetString("TenantId"), row.GetString("WorkId"), queuedAt)
            {
                Redrives = row.GetInt32("Redrives") ?? 0,
                NextAt = row.GetDateTimeOffset("NextAt") ?? queuedAt,
                ETag = row.ETag.ToString(),
            }
            : null;
}
