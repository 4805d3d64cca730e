using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Loyalty.Core.Events;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Outbox;

/// <summary>
/// An outbox row: the events of one batch, in the partition (and the transaction) of the change they report. Row key
/// <c>~outbox:{first sequence, 19 digits}</c> in a member's ledger partition, so a partition's rows read back in event order.
/// The JSON is cut into properties of at most <see cref="ChunkChars"/> characters (<c>Events0</c>, <c>Events1</c>...):
/// a string property holds 64 KiB (32 K UTF-16 characters) and a batch of ~98 entries can exceed one.
/// </summary>
public static class OutboxRows
{
    /// <summary>'~' sorts after every character of the ids callers choose, so no member's or record's key range holds an outbox row.</summary>
    public const string Prefix = "~outbox:";
    public const string PrefixEnd = "~outbox;";
    internal const int ChunkChars = 30_000;

    /// <summary><c>~outbox:{sequence, 19 digits}</c> for a member's numbered events, <c>~outbox:id:{event id}</c> for events outside the ledger.</summary>
    public static string RowKey(LoyaltyEvent first)
    {
        ArgumentNullException.ThrowIfNull(first);
        return first.Sequence > 0 ? Prefix + first.Sequence.ToString("D19", CultureInfo.InvariantCulture) : Prefix + "id:" + first.EventId;
    }

    public static TableEntity ToEntity(string partitionKey, IReadOnlyList<LoyaltyEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("An outbox row holds at least one event.", nameof(events));
        }

        var json = StorageJson.Serialize(events);
        var row = new TableEntity(partitionKey, RowKey(events[0])) { ["Kind"] = "outbox", ["Count"] = events.Count };
        for (int i = 0, n = 0; i < json.Length; i += ChunkChars, n++)
        {
            row[$"Events{n}"] = json.Substring(i, Math.Min(ChunkChars, json.Length - i));
        }

        return row;
    }

    public static IReadOnlyList<LoyaltyEvent> ToEvents(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var json = new StringBuilder();
        for (var n = 0; row.GetString($"Events{n}") is { } chunk; n++)
        {
            json.Append(chunk);
        }

        return StorageJson.Deserialize<List<LoyaltyEvent>>(json.ToString());
    }

    public static string PartitionFilter(string partitionKey) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {Prefix} and RowKey lt {PrefixEnd}");
}
