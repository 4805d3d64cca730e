using Loyalty.Core.Events;

namespace Loyalty.Infrastructure.Outbox;

/// <summary>
/// The outbox protocol around one write of any store: the partition's intent first, then the write (which puts the
/// events' outbox row in its own transaction), then — only if it committed — the relay, which never throws.
/// </summary>
public sealed class TableOutbox(TableOutboxIntents intents, OutboxRelay relay)
{
    public async Task<T> WriteAsync<T>(string table, string partitionKey, IReadOnlyList<LoyaltyEvent> events, Func<Task<T>> write, Func<T, bool> committed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(committed);
        if (events.Count == 0)
        {
            return await write();
        }

        await intents.RecordAsync(table, partitionKey, cancellationToken);
        var result = await write();
        if (committed(result))
        {
            await relay.TryRelayAsync(table, partitionKey, events, cancellationToken);
        }

        return result;
    }
}
