using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Family;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>Transfer records by tenant (row key = transfer id), with the status in a column for a tidy-up scan.</summary>
public sealed class TableTransferStore(LoyaltyTables tables) : ITransferStore
{
    public async Task<TransferRecord> AddOrGetAsync(TransferRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(LoyaltyTables.Transfers);
        try
        {
            var response = await table.AddEntityAsync(ToEntity(record), cancellationToken);
            return record with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(record.TenantId, record.TransferId, cancellationToken)
                ?? throw new InvalidOperationException("The transfer vanished after a conflicting add.", ex);
        }
    }

    public async Task<TransferRecord?> GetAsync(string tenantId, string transferId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Transfers);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, transferId, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? StorageJson.Deserialize<TransferRecord>(e.GetString("Record")) with { ETag = e.ETag.ToString() }
            : null;
    }

    public async Task<bool> TryUpdateAsync(TransferRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(LoyaltyTables.Transfers);
        try
        {
            await table.UpdateEntityAsync(ToEntity(record), record.ETag is null ? ETag.All : new ETag(record.ETag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(TransferRecord record) => new(record.TenantId, record.TransferId)
    {
        ["Status"] = record.Status.ToString(),
        ["FromMemberId"] = record.FromMemberId,
        ["ToMemberId"] = record.ToMemberId,
        ["Record"] = StorageJson.Serialize(record with { ETag = null }),
    };
}
