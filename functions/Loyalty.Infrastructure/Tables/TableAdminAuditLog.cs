using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Audit;
using Loyalty.Core.Common;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// The audit log: partition = tenant, row key <c>{inverted time}:{hash of the action id}</c>, so a page is newest first,
/// a time window is one row-key range, and recording an action twice hits the row already there (kept as it was).
/// Action, key and member are columns of their own, filtered by the table service inside the tenant's partition.
/// </summary>
public sealed class TableAdminAuditLog(LoyaltyTables tables) : IAdminAuditLog
{
    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(LoyaltyTables.AdminAudit);
        var entity = new TableEntity(record.TenantId, RowKey(record))
        {
            ["Action"] = record.Action.ToString(),
            ["KeyId"] = record.KeyId,
            ["MemberId"] = record.MemberId,
            ["Record"] = StorageJson.Serialize(record),
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The same action recorded before (a replay, or the retry of a request whose record was written): one row stands.
        }
    }

    public async Task<AuditPage> ListAsync(string tenantId, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var table = await tables.GetAsync(LoyaltyTables.AdminAudit);
        var filter = new StringBuilder(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"));
        if (query.To is { } to)
        {
            filter.Append(TableClient.CreateQueryFilter($" and RowKey ge {LedgerRows.InvertedTicks(to.AddTicks(-1))}"));
        }

        if (query.From is { } from)
        {
            filter.Append(TableClient.CreateQueryFilter($" and RowKey lt {LedgerRows.InvertedTicks(from.AddTicks(-1))}"));
        }

        if (query.Action is { } action)
        {
            filter.Append(TableClient.CreateQueryFilter($" and Action eq {action.ToString()}"));
        }

        if (query.MemberId is { } memberId)
        {
            filter.Append(TableClient.CreateQueryFilter($" and MemberId eq {memberId}"));
        }

        var pages = table.QueryAsync<TableEntity>(filter.ToString(), query.PageSize, cancellationToken: cancellationToken)
            .AsPages(ContinuationTokens.Decode(query.ContinuationToken), query.PageSize);
        try
        {
            await foreach (var page in pages)
            {
                return new AuditPage([.. page.Values.Select(e => StorageJson.Deserialize<AuditRecord>(e.GetString("Record")))], ContinuationTokens.Encode(page.ContinuationToken));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && query.ContinuationToken is not null)
        {
            throw new InvalidContinuationTokenException(ex);
        }

        return new AuditPage([], null);
    }

    private static string RowKey(AuditRecord record) =>
        $"{LedgerRows.InvertedTicks(record.At)}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(record.ActionId)))[..32]}";
}
