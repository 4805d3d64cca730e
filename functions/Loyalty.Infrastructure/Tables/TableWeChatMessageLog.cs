using System.Text;
using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Common;
using Loyalty.Core.Webhooks.WeChat;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// Received WeChat pushes per tenant and channel, newest first: row key <c>{inverted create time}:{message id}</c>, so a
/// retry of a message lands on its first row (kept as it was) and a page is one range of one partition. The openid and
/// member are columns of their own so an erasure finds the member's rows without reading every record.
/// </summary>
public sealed class TableWeChatMessageLog(LoyaltyTables tables) : IWeChatMessageLog
{
    public async Task RecordAsync(WeChatMessageRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(LoyaltyTables.WeChatMessages);
        var entity = new TableEntity(Partition(record.TenantId, record.Channel), $"{LedgerRows.InvertedTicks(record.CreatedAt)}:{record.MessageId}")
        {
            ["Status"] = record.Status.ToString(),
            ["OpenId"] = record.OpenId,
            ["MemberId"] = record.MemberId,
            ["Record"] = StorageJson.Serialize(record),
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // WeChat retried a message already recorded: the first record stands.
        }
    }

    public async Task<WeChatMessagePage> ListAsync(string tenantId, string channel, WeChatMessageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var table = await tables.GetAsync(LoyaltyTables.WeChatMessages);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(tenantId, channel)}");
        if (query.Status is { } status)
        {
            filter += TableClient.CreateQueryFilter($" and Status eq {status.ToString()}");
        }

        if (query.OpenId is { } openId)
        {
            filter += TableClient.CreateQueryFilter($" and OpenId eq {openId}");
        }

        var pages = table.QueryAsync<TableEntity>(filter, query.PageSize, cancellationToken: cancellationToken)
            .AsPages(ContinuationTokens.Decode(query.ContinuationToken), query.PageSize);
        try
        {
            await foreach (var page in pages)
            {
                return new WeChatMessagePage([.. page.Values.Select(e => StorageJson.Deserialize<WeChatMessageRecord>(e.GetString("Record")))], ContinuationTokens.Encode(page.ContinuationToken));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && query.ContinuationToken is not null)
        {
            throw new InvalidContinuationTokenException(ex);
        }

        return new WeChatMessagePage([], null);
    }

    public async Task<int> EraseAsync(string tenantId, string memberId, IReadOnlyCollection<string> openIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(openIds);
        var table = await tables.GetAsync(LoyaltyTables.WeChatMessages);
        var known = openIds.ToHashSet(StringComparer.Ordinal);
        var rows = new Dictionary<(string Partition, string Row), bool>();
        int found;
        do
        {
            // A record handled for the member names the openid it came from: that openid's other records (before it was
            // bound, or after another openid replaced it) are the member's too, so search again until no new openid shows.
            found = known.Count;
            await foreach (var row in table.QueryAsync<TableEntity>(Filter(tenantId, memberId, known), select: ["PartitionKey", "RowKey", "OpenId", "MemberId"], cancellationToken: cancellationToken))
            {
                rows[(row.PartitionKey, row.RowKey)] = row.GetString("MemberId") == memberId;
                if (row.GetString("OpenId") is { } openId)
                {
                    known.Add(openId);
                }
            }
        }
        while (known.Count > found);

        // The records naming the member go last: after a crash half-way, a retry still learns every openid from them.
        var deleted = 0;
        foreach (var ((partition, row), _) in rows.OrderBy(r => r.Value))
        {
            try
            {
                var response = await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
                deleted += response.Status == 404 ? 0 : 1;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Deleted meanwhile by a concurrent or repeated erasure.
            }
        }

        return deleted;
    }

    /// <summary>Every channel's partition of the tenant (channels deleted since included): erasure is rare, a scan of the tenant's log is affordable.</summary>
    private static string Filter(string tenantId, string memberId, IEnumerable<string> openIds)
    {
        var prefix = Partition(tenantId, string.Empty);
        var whose = new StringBuilder(TableClient.CreateQueryFilter($"MemberId eq {memberId}"));
        foreach (var openId in openIds.Order(StringComparer.Ordinal))
        {
            whose.Append(TableClient.CreateQueryFilter($" or OpenId eq {openId}"));
        }

        return TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {LedgerRows.PrefixEnd(prefix)}") + $" and ({whose})";
    }

    private static string Partition(string tenantId, string channel) => $"{tenantId}:{channel}";
}
