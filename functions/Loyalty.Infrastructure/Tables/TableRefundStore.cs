using Loyalty.Core.Refunds;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>One row per refund (partition = tenant:refund).</summary>
public sealed class TableRefundStore(LoyaltyTables tables) : IRefundStore
{
    private readonly JsonRecordTable<RefundRecord> _rows = new(tables, LoyaltyTables.Refunds, r => r.ETag, (r, etag) => r with { ETag = etag });

    public Task<RefundRecord> AddOrGetAsync(RefundRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _rows.AddOrGetAsync(Partition(record.TenantId, record.RefundId), record, Columns(record), cancellationToken);
    }

    public Task<RefundRecord?> GetAsync(string tenantId, string refundId, CancellationToken cancellationToken) =>
        _rows.GetAsync(Partition(tenantId, refundId), cancellationToken);

    public Task<bool> TryUpdateAsync(RefundRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _rows.TryUpdateAsync(Partition(record.TenantId, record.RefundId), record, Columns(record), cancellationToken);
    }

    private static string Partition(string tenantId, string refundId) => $"{tenantId}:{refundId}";

    private static Dictionary<string, object?> Columns(RefundRecord record) => new()
    {
        ["TenantId"] = record.TenantId,
        ["Status"] = record.Status.ToString(),
        ["OrderId"] = record.OrderId,
        ["MemberId"] = record.MemberId,
    };
}
