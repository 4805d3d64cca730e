using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Events;
using Loyalty.Infrastructure.Storage;
using Microsoft.Extensions.Logging;

namespace Loyalty.Infrastructure.Outbox;

/// <summary>
/// Publishes outbox rows and clears them: to the Service Bus topic through <see cref="ILoyaltyEventPublisher"/> (when no
/// Service Bus is configured that publisher only logs, sending nothing) and into the pull feed, then deletes the row.
/// A row is deleted only after both took its events, so a failure anywhere leaves it for the next relay. Two relays of
/// the same row (the request's own and the timer's) are harmless: the feed adds an event id once and the topic drops a
/// repeated MessageId (= event id) within its duplicate-detection window.
/// </summary>
public sealed partial class OutboxRelay(
    LoyaltyTables tables,
    TableOutboxIntents intents,
    ILoyaltyEventPublisher publisher,
    IEventFeed feed,
    TimeProvider time,
    ILogger<OutboxRelay> logger) : IOutboxRelay
{
    /// <summary>
    /// How old an intent must be before the timer looks at its partition: longer than a batch can take to land after
    /// its intent was written (the SDK's own retries included), so the timer never removes the intent of a batch still
    /// on its way, and long enough that the request's own relay normally got there first.
    /// </summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromMinutes(5);

    /// <summary>The relay right after a commit. Never throws: the change is committed whatever happens here, and a row left behind is the timer's.</summary>
    public async Task<bool> TryRelayAsync(string table, string partitionKey, IReadOnlyList<LoyaltyEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        try
        {
            await PublishAsync(events, cancellationToken);
            var client = await tables.GetAsync(table);
            await DeleteAsync(client, partitionKey, OutboxRows.RowKey(events[0]), ETag.All, cancellationToken);
            return true;
        }
        catch (Exception ex)
        {
            LogRelayDeferred(logger, ex, events.Count, events[0].TenantId, events[0].MemberId);
            return false;
        }
    }

    public async Task<int> RelayLeftoversAsync(CancellationToken cancellationToken)
    {
        var relayed = 0;
        await foreach (var intent in intents.ListBeforeAsync(time.GetUtcNow() - GracePeriod, cancellationToken))
        {
            try
            {
                relayed += await RelayPartitionAsync(intent, cancellationToken);
                await intents.RemoveAsync(intent, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The intent stays: the next run tries this partition again. Other partitions go on.
                LogPartitionDeferred(logger, ex, intent.Table, intent.PartitionKey);
            }
        }

        return relayed;
    }

    private async Task<int> RelayPartitionAsync(OutboxIntent intent, CancellationToken cancellationToken)
    {
        var client = await tables.GetAsync(intent.Table);
        var relayed = 0;
        await foreach (var row in client.QueryAsync<TableEntity>(OutboxRows.PartitionFilter(intent.PartitionKey), cancellationToken: cancellationToken))
        {
            var events = OutboxRows.ToEvents(row);
            await PublishAsync(events, cancellationToken);
            await DeleteAsync(client, row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            relayed += events.Count;
        }

        return relayed;
    }

    private async Task PublishAsync(IReadOnlyList<LoyaltyEvent> events, CancellationToken cancellationToken)
    {
        await publisher.PublishAsync(events, cancellationToken);
        await feed.AppendAsync(events, cancellationToken);
    }

    private static async Task DeleteAsync(TableClient client, string partitionKey, string rowKey, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteEntityAsync(partitionKey, rowKey, etag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Another relay published and deleted it first; an outbox row is written once and never changed.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying {Count} loyalty events of {TenantId}/{MemberId} failed; the outbox row stays for the RelayOutbox timer")]
    private static partial void LogRelayDeferred(ILogger logger, Exception exception, int count, string tenantId, string memberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying the outbox of {Table}/{PartitionKey} failed; its intent stays for the next run")]
    private static partial void LogPartitionDeferred(ILogger logger, Exception exception, string table, string partitionKey);
}
