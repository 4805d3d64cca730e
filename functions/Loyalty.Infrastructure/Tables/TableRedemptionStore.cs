using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Redemptions;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>One row per redemption (partition = tenant:redemption), updated step by step with If-Match.</summary>
public sealed class TableRedemptionStore(LoyaltyTables tables) : IRedemptionStore
{
    public const string TableName = "redemptions";
    private const string RowKey = "redemption";

    public async Task<(RedemptionRecord Record, bool Added)> AddOrGetAsync(RedemptionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(TableName);
        try
        {
            var response = await table.AddEntityAsync(ToEntity(record), cancellationToken);
            return (record with { ETag = response.Headers.ETag?.ToString() }, true);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var stored = await GetAsync(record.TenantId, record.RedemptionId, cancellationToken)
                ?? throw new InvalidOperationException("The redemption vanished after a conflicting add.", ex);
            return (stored, false);
        }
    }

    public async Task<RedemptionRecord?> GetAsync(string tenantId, string redemptionId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(tenantId, redemptionId), RowKey, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? StorageJson.Deserialize<RedemptionRecord>(e.GetString("Record")) with { ETag = e.ETag.ToString() }
            : null;
    }

    public async Task<bool> TryUpdateAsync(RedemptionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(TableName);
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

    private static string Partition(string tenantId, string redemptionId) => $"{tenantId}:{redemptionId}";

    private static TableEntity ToEntity(RedemptionRecord record) => new(Partition(record.TenantId, record.RedemptionId), RowKey)
    {
        ["Status"] = record.Status.ToString(),
        ["MemberId"] = record.MemberId,
        ["GiftId"] = record.GiftId,
        ["Record"] = StorageJson.Serialize(record with { ETag = null }),
    };
}
