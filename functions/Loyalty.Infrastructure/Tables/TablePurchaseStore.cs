using Loyalty.Core.Purchases;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>One row per order (partition = tenant:order), so orders never contend with each other.</summary>
public sealed class TablePurchaseStore(LoyaltyTables tables) : IPurchaseStore
{
    private readonly JsonRecordTable<PurchaseRecord> _rows = new(tables, LoyaltyTables.Purchases, r => r.ETag, (r, etag) => r with { ETag = etag });

    public Task<PurchaseRecord> AddOrGetAsync(PurchaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _rows.AddOrGetAsync(Partition(record.TenantId, record.Purchase.OrderId), record, Columns(record), cancellationToken);
    }

    public Task<PurchaseRecord?> GetAsync(string tenantId, string orderId, CancellationToken cancellationToken) =>
        _rows.GetAsync(Partition(tenantId, orderId), cancellationToken);

    public Task<bool> TryUpdateAsync(PurchaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _rows.TryUpdateAsync(Partition(record.TenantId, record.Purchase.OrderId), record, Columns(record), cancellationToken);
    }

    private static string Partition(string tenantId, string orderId) => $"{tenantId}:{orderId}";

    private static Dictionary<string, object?> Columns(PurchaseRecord record) => new()
    {
        ["TenantId"] = record.TenantId,
        ["Status"] = record.Status.ToString(),
        ["MemberId"] = record.Purchase.MemberId,
        ["Points"] = record.Points,
        ["OccurredAt"] = record.Purchase.OccurredAt,
    };
}
