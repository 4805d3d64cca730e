using Loyalty.Core.Family;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>Transfer records by tenant (row key = transfer id), with the status in a column for a tidy-up scan.</summary>
public sealed class TableTransferStore(LoyaltyTables tables) : ITransferStore
{
    private readonly JsonRecordTable<TransferRecord> _rows = new(tables, LoyaltyTables.Transfers, r => r.ETag, (r, etag) => r with { ETag = etag });

    public async Task<TransferRecord> AddOrGetAsync(TransferRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (await _rows.AddOrGetAsync(record.TenantId, record.TransferId, record, Columns(record), cancellationToken)).Record;
    }

    public Task<TransferRecord?> GetAsync(string tenantId, string transferId, CancellationToken cancellationToken) =>
        _rows.GetAsync(tenantId, transferId, cancellationToken);

    public Task<bool> TryUpdateAsync(TransferRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _rows.TryUpdateAsync(record.TenantId, record.TransferId, record, Columns(record), cancellationToken);
    }

    private static Dictionary<string, object?> Columns(TransferRecord record) => new()
    {
        ["Status"] = record.Status.ToString(),
        ["FromMemberId"] = record.FromMemberId,
        ["ToMemberId"] = record.ToMemberId,
    };
}
