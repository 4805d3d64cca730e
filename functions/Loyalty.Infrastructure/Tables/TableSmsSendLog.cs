using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Reminders;
using Loyalty.Infrastructure.Outbox;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// The SMS send log: partition = tenant, row = <c>{memberId}:{yyyyMMdd}:{offset}</c>, so a member's rows are one range.
/// A new row comes with its <c>points.expiring</c> event as an outbox row in the same transaction.
/// </summary>
public sealed class TableSmsSendLog(LoyaltyTables tables, TableOutbox outbox) : ISmsSendLog
{
    private readonly JsonRecordTable<SmsSendRecord> _rows = new(tables, LoyaltyTables.SmsLog, r => r.ETag, (r, etag) => r with { ETag = etag });

    public Task<(SmsSendRecord Record, bool Added)> BeginAsync(SmsSendRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        IReadOnlyList<Core.Events.LoyaltyEvent> events = [ExpiringPointsEvent.For(record)];
        return outbox.WriteAsync(
            LoyaltyTables.SmsLog,
            record.TenantId,
            events,
            () => _rows.AddOrGetAsync(record.TenantId, record.Key, record, Columns(record), cancellationToken, OutboxRows.ToEntity(record.TenantId, events)),
            result => result.Added,
            cancellationToken);
    }

    public Task<bool> TrySaveAsync(SmsSendRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _rows.TryUpdateAsync(record.TenantId, record.Key, record, Columns(record), cancellationToken);
    }

    public async Task<IReadOnlyList<SmsSendRecord>> ListAsync(string tenantId, string memberId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.SmsLog);
        var prefix = memberId + ":";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {prefix} and RowKey lt {LedgerRows.PrefixEnd(prefix)}");
        var records = new List<SmsSendRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(StorageJson.Deserialize<SmsSendRecord>(row.GetString("Record")) with { ETag = row.ETag.ToString() });
        }

        return records;
    }

    public async Task RemoveAsync(SmsSendRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(LoyaltyTables.SmsLog);
        await table.DeleteEntityAsync(record.TenantId, record.Key, ETag.All, cancellationToken);
    }

    private static Dictionary<string, object?> Columns(SmsSendRecord record) => new() { ["Status"] = record.Status.ToString() };
}
