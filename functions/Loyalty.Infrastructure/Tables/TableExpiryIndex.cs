using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Expiry;
using Loyalty.Core.Members;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// The expiry index: partition <c>{tenant}:{yyyyMM}</c> (the UTC month of the expiry instant), row
/// <c>{expiry ticks}:{member}</c>. A local day is a row-key range in at most two partitions; the instant is stored, not a
/// local date, so a later change of the tenant's time zone moves nothing.
/// </summary>
public sealed class TableExpiryIndex(LoyaltyTables tables) : IExpiryIndex
{
    /// <summary>Rows in one entity-group transaction.</summary>
    private const int MaxBatch = 100;

    public async Task RecordAsync(MemberKey member, IReadOnlyCollection<DateTimeOffset> expiries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(expiries);
        var table = await tables.GetAsync(LoyaltyTables.ExpiryIndex);
        foreach (var expiresAt in expiries)
        {
            var row = new TableEntity(Partition(member.TenantId, expiresAt), RowKey(expiresAt, member.MemberId)) { ["MemberId"] = member.MemberId, ["ExpiresAt"] = expiresAt };
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<ExpiryIndexPage> PageAsync(string tenantId, ExpiryWindow window, string? cursor, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var table = await tables.GetAsync(LoyaltyTables.ExpiryIndex);
        var entries = new List<ExpiryIndexEntry>();
        // Row keys start with the ticks, so "after the cursor, up to the window's end" is one range per month partition.
        var lower = cursor ?? Ticks(window.After) + ";";
        var upper = Ticks(window.UpTo) + ";";
        string? last = null;
        foreach (var month in Months(window))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {$"{tenantId}:{month}"} and RowKey gt {lower} and RowKey lt {upper}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, Math.Min(max, 1000), ["RowKey", "MemberId", "ExpiresAt"], cancellationToken))
            {
                entries.Add(new ExpiryIndexEntry(row.GetString("MemberId"), row.GetDateTimeOffset("ExpiresAt")!.Value));
                last = row.RowKey;
                if (entries.Count == max)
                {
                    return new ExpiryIndexPage(entries, last);
                }
            }
        }

        return new ExpiryIndexPage(entries, null);
    }

    /// <summary>One batch per index partition and 100 rows; a batch that meets a row already gone (404 fails it whole) is redone row by row.</summary>
    public async Task RemoveAsync(string tenantId, IReadOnlyCollection<ExpiryIndexEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var table = await tables.GetAsync(LoyaltyTables.ExpiryIndex);
        var batches = entries
            .Select(e => new TableEntity(Partition(tenantId, e.ExpiresAt), RowKey(e.ExpiresAt, e.MemberId)))
            .DistinctBy(r => (r.PartitionKey, r.RowKey))
            .GroupBy(r => r.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(MaxBatch));
        foreach (var batch in batches)
        {
            try
            {
                await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                foreach (var row in batch)
                {
                    await DeleteOneAsync(table, row, cancellationToken);
                }
            }
        }
    }

    private static async Task DeleteOneAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already removed by an earlier attempt.
        }
    }

    private static IEnumerable<string> Months(ExpiryWindow window)
    {
        var month = new DateTimeOffset(window.After.UtcDateTime.Year, window.After.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        for (; month <= window.UpTo; month = month.AddMonths(1))
        {
            yield return Month(month);
        }
    }

    private static string Partition(string tenantId, DateTimeOffset expiresAt) => $"{tenantId}:{Month(expiresAt)}";

    private static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    private static string RowKey(DateTimeOffset expiresAt, string memberId) => $"{Ticks(expiresAt)}:{memberId}";

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
