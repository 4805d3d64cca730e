using Loyalty.Core.Redemptions;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>One row per redemption (partition = tenant:redemption), updated step by step with If-Match.</summary>
public sealed class TableRedemptionStore(LoyaltyTables tables) : IRedemptionStore
{
    public const string TableName = "redemptions";
    private const string RowKey = "redemption";

    private readonly JsonRecordTable<RedemptionRecord> _rows = new(tables, TableName, r => r.ETag, (r, etag) => r with { ETag = etag });

    public Task<(RedemptionRecord Record, bool Added)> AddOrGetAsync(RedemptionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _rows.AddOrGetAsync(Partition(record.TenantId, record.RedemptionId), RowKey, record, Columns(record), cancellationToken);
    }

    public Task<RedemptionRecord?> GetAsync(string tenantId, string redemptionId, CancellationToken cancellationToken) =>
        _rows.GetAsync(Partition(tenantId, redemptionId), RowKey, cancellationToken);

    public Task<bool> TryUpdateAsync(RedemptionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _rows.TryUpdateAsync(Partition(record.TenantId, record.RedemptionId), RowKey, record, Columns(record), cancellationToken);
    }

    private static string Partition(string tenantId, string redemptionId) => $"{tenantId}:{redemptionId}";

    private static Dictionary<string, object?> Columns(RedemptionRecord record) => new()
    {
        ["Status"] = record.Status.ToString(),
        ["MemberId"] = record.MemberId,
        ["GiftId"] = record.GiftId,
    };
}
