using Loyalty.Core.Members;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>Merge records by tenant (row key = the source member id: an account is merged away once).</summary>
public sealed class TableMergeStore(LoyaltyTables tables) : IMergeStore
{
    private readonly JsonRecordTable<MergeRecord> _rows = new(tables, LoyaltyTables.Merges, r => r.ETag, (r, etag) => r with { ETag = etag });

    public async Task<MergeRecord> AddOrGetAsync(MergeRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (await _rows.AddOrGetAsync(record.TenantId, record.MergeId, record, Columns(record), cancellationToken)).Record;
    }

    public Task<MergeRecord?> GetAsync(string tenantId, string mergeId, CancellationToken cancellationToken) =>
        _rows.GetAsync(tenantId, mergeId, cancellationToken);

    public Task<bool> TryUpdateAsync(MergeRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _rows.TryUpdateAsync(record.TenantId, record.MergeId, record, Columns(record), cancellationToken);
    }

    private static Dictionary<string, object?> Columns(MergeRecord record) => new()
    {
        ["Status"] = record.Status.ToString(),
        ["FromMemberId"] = record.FromMemberId,
        ["ToMemberId"] = record.ToMemberId,
    };
}
