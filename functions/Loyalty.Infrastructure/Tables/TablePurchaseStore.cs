using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Purchases;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>One row per order (partition = tenant:order), so orders never contend with each other.</summary>
public sealed class TablePurchaseStore(LoyaltyTables tables) : IPurchaseStore
{
    private const string RowKey = "purchase";

    public async Task<PurchaseRecord> AddOrGetAsync(PurchaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(LoyaltyTables.Purchases);
        try
        {
            var response = await table.AddEntityAsync(ToEntity(record), cancellationToken);
            return record with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(record.TenantId, record.Purchase.OrderId, cancellationToken)
                ?? throw new InvalidOperationException("The purchase vanished after a conflicting add.", ex);
        }
    }

    public async Task<PurchaseRecord?> GetAsync(string tenantId, string orderId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Purchases);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(tenantId, orderId), RowKey, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? StorageJson.Deserialize<PurchaseRecord>(e.GetString("Record")) with { ETag = e.ETag.ToString() }
            : null;
    }

    public async Task<bool> TryUpdateAsync(PurchaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(LoyaltyTables.Purchases);
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

    private static string Partition(string tenantId, string orderId) => $"{tenantId}:{orderId}";

    private static TableEntity ToEntity(PurchaseRecord record) => new(Partition(record.TenantId, record.Purchase.OrderId), RowKey)
    {
        ["Status"] = record.Status.ToString(),
        ["MemberId"] = record.Purchase.MemberId,
        ["Record"] = StorageJson.Serialize(record with { ETag = null }),
    };
}
