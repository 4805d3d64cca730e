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

    public async Task RemoveAsync(string tenantId, ExpiryIndexEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await tables.GetAsync(LoyaltyTables.ExpiryIndex);
        try
        {
            await table.DeleteEntityAsync(Partition(tenantId, entry.ExpiresAt), RowKey(entry.ExpiresAt, entry.MemberId), ETag.All, cancellationToken);
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
