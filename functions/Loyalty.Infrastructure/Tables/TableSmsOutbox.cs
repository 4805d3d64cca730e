using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Common;
using Loyalty.Core.Reminders;
using Loyalty.Infrastructure.Sms;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>The SMS outbox: partition = tenant, row = inverted first-sent ticks and the repeatability id, so the newest list first and a repeat keeps one row.</summary>
public sealed class TableSmsOutbox(LoyaltyTables tables) : ISmsOutbox
{
    private readonly JsonRecordTable<SmsOutboxEntry> _rows = new(tables, LoyaltyTables.SmsOutbox, _ => null, (e, _) => e);

    public async Task AddAsync(SmsOutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _rows.AddOrGetAsync(entry.TenantId, RowKey(entry), entry, new Dictionary<string, object?> { ["Status"] = entry.Status }, cancellationToken);
    }

    public async Task<SmsOutboxPage> ListAsync(string tenantId, string? cursor, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.SmsOutbox);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}");
        try
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, max, cancellationToken: cancellationToken).AsPages(ContinuationTokens.Decode(cursor), max))
            {
                return new SmsOutboxPage([.. page.Values.Select(r => StorageJson.Deserialize<SmsOutboxEntry>(r.GetString("Record")))], ContinuationTokens.Encode(page.ContinuationToken));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && cursor is not null)
        {
            throw new InvalidContinuationTokenException(ex);
        }

        return new SmsOutboxPage([], null);
    }

    public async Task RemoveAsync(string tenantId, SmsRepeatability repeatability, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repeatability);
        var table = await tables.GetAsync(LoyaltyTables.SmsOutbox);
        await table.DeleteEntityAsync(tenantId, RowKey(repeatability.FirstSent, OutboxSmsSender.EntryId(repeatability)), ETag.All, cancellationToken);
    }

    private static string RowKey(SmsOutboxEntry entry) => RowKey(entry.CreatedAt, entry.Id);

    private static string RowKey(DateTimeOffset createdAt, string id) => $"{DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks:D19}:{id}";
}
