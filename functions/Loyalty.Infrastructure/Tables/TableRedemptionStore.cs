using Loyalty.Core.Redemptions;
using Loyalty.Infrastructure.Outbox;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// One row per redemption (partition = tenant:redemption), updated step by step with If-Match. Each status it reaches
/// is a <c>redemption.{status}</c> event, written as an outbox row beside the record in the same transaction.
/// </summary>
public sealed class TableRedemptionStore(LoyaltyTables tables, TableOutbox outbox) : IRedemptionStore
{
    public const string TableName = "redemptions";
    private const string RowKey = "redemption";

    private readonly JsonRecordTable<RedemptionRecord> _rows = new(tables, TableName, r => r.ETag, (r, etag) => r with { ETag = etag });

    public Task<(RedemptionRecord Record, bool Added)> AddOrGetAsync(RedemptionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var partition = Partition(record.TenantId, record.RedemptionId);
        var events = RedemptionEvents.For(record, previous: null);
        return outbox.WriteAsync(
            TableName,
            partition,
            events,
            () => _rows.AddOrGetAsync(partition, RowKey, record, Columns(record), cancellationToken, OutboxRows.ToEntity(partition, events)),
            result => result.Added,
            cancellationToken);
    }

    public Task<RedemptionRecord?> GetAsync(string tenantId, string redemptionId, CancellationToken cancellationToken) =>
        _rows.GetAsync(Partition(tenantId, redemptionId), RowKey, cancellationToken);

    public Task<bool> TryUpdateAsync(RedemptionRecord record, RedemptionStatus previousStatus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var partition = Partition(record.TenantId, record.RedemptionId);
        var events = RedemptionEvents.For(record, previousStatus);
        return outbox.WriteAsync(
            TableName,
            partition,
            events,
            () => _rows.TryUpdateAsync(partition, RowKey, record, Columns(record), cancellationToken, events.Count > 0 ? OutboxRows.ToEntity(partition, events) : null),
            updated => updated,
            cancellationToken);
    }

    private static string Partition(string tenantId, string redemptionId) => $"{tenantId}:{redemptionId}";

    private static Dictionary<string, object?> Columns(RedemptionRecord record) => new()
    {
        ["Status"] = record.Status.ToString(),
        ["MemberId"] = record.MemberId,
        ["GiftId"] = record.GiftId,
    };
}
