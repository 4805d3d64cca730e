using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Common;
using Loyalty.Core.Reminders;
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

    private static string RowKey(SmsOutboxEntry entry) => $"{DateTimeOffset.MaxValue.UtcTicks - entry.CreatedAt.UtcTicks:D19}:{entry.Id}";
}
