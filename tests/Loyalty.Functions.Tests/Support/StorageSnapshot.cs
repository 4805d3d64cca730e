using Azure.Data.Tables;
using Azure.Storage.Queues;
using Loyalty.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Loyalty.Functions.Tests.Support;

/// <summary>
/// Every row of the host's tables (by table, keys and ETag, so any write shows) and the accrual queue's length: two
/// snapshots are equal only if nothing was written in between.
/// </summary>
internal sealed record StorageSnapshot(IReadOnlyList<string> Rows, int QueuedMessages)
{
    /// <param name="partitionPrefix">Only rows whose partition key starts with this (a tenant id), or every row.</param>
    public static Task<StorageSnapshot> TakeAsync(FunctionsHost host, string partitionPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(host);
        return TakeAsync(host.Services, host.Queue, partitionPrefix);
    }

    /// <param name="services">The app's services: its table client and table prefix.</param>
    public static async Task<StorageSnapshot> TakeAsync(IServiceProvider services, QueueClient queue, string partitionPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(queue);
        var service = services.GetRequiredService<TableServiceClient>();
        var prefix = services.GetRequiredService<IOptions<TableStorageOptions>>().Value.TablePrefix;
        var rows = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                if (row.PartitionKey.StartsWith(partitionPrefix, StringComparison.Ordinal))
                {
                    rows.Add($"{table.Name} {row.PartitionKey} {row.RowKey} {row.ETag}");
                }
            }
        }

        Assert.True(rows.Count > 0, $"no rows under table prefix '{prefix}' and partition prefix '{partitionPrefix}': comparing snapshots would prove nothing");
        rows.Sort(StringComparer.Ordinal);
        var queued = (await queue.ExistsAsync()).Value ? (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;
        return new StorageSnapshot(rows, queued);
    }

    /// <summary>The rows added, removed or rewritten since <paramref name="before"/>.</summary>
    public IReadOnlyList<string> ChangedSince(StorageSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return [.. Rows.Except(before.Rows, StringComparer.Ordinal).Select(r => "+ " + r).Concat(before.Rows.Except(Rows, StringComparer.Ordinal).Select(r => "- " + r))];
    }
}
