using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Insights;
using Loyalty.Core.Insights.Projections;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// The projections on Table Storage, one partition per tenant: <c>cursor</c> (the projector's place in the feed),
/// <c>m:{member id}</c> (member activity) and <c>d:{yyyy-MM-dd}</c> (the tenant's day). Each row holds its record as JSON
/// in <c>Record</c>; a report over a year reads 365 day rows with one range query.
/// </summary>
public sealed class TableInsightsStore(LoyaltyTables tables) : IInsightsStore
{
    private const string CursorRow = "cursor";

    private const string MemberPrefix = "m:";

    private const string DayPrefix = "d:";

    private const int TransactionSize = 100;

    public async Task<ProjectorCursor?> GetCursorAsync(string tenantId, CancellationToken cancellationToken)
    {
        var row = await GetAsync(tenantId, CursorRow, cancellationToken);
        return row is null ? null : StorageJson.Deserialize<ProjectorCursor>(row.GetString("Record")) with { ETag = row.ETag.ToString() };
    }

    public Task<bool> TrySaveCursorAsync(string tenantId, ProjectorCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return TrySaveAsync(tenantId, CursorRow, cursor with { ETag = null }, cursor.ETag, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, MemberActivityRow>> GetMembersAsync(string tenantId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        var rows = await Task.WhenAll(memberIds.Select(id => GetAsync(tenantId, MemberPrefix + id, cancellationToken)));
        return rows.OfType<TableEntity>().Select(ToMember).ToDictionary(r => r.Activity.MemberId, StringComparer.Ordinal);
    }

    public Task<bool> TrySaveMemberAsync(string tenantId, MemberActivityRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        return TrySaveAsync(tenantId, MemberPrefix + row.Activity.MemberId, row with { ETag = null }, row.ETag, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<DateOnly, TenantDayRow>> GetDaysAsync(string tenantId, IReadOnlyCollection<DateOnly> dates, CancellationToken cancellationToken)
    {
        var rows = await Task.WhenAll(dates.Select(d => GetAsync(tenantId, DayKey(d), cancellationToken)));
        return rows.OfType<TableEntity>().Select(ToDay).ToDictionary(r => r.Day.Date);
    }

    public Task<bool> TrySaveDayAsync(string tenantId, TenantDayRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        return TrySaveAsync(tenantId, DayKey(row.Day.Date), row with { ETag = null }, row.ETag, cancellationToken);
    }

    public async Task<IReadOnlyList<TenantDay>> ListDaysAsync(string tenantId, DateRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        var table = await tables.GetAsync(LoyaltyTables.Insights);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {DayKey(range.From)} and RowKey le {DayKey(range.To)}");
        var days = new List<TenantDay>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            days.Add(ToDay(row).Day);
        }

        return days;
    }

    public async IAsyncEnumerable<MemberActivity> ListMembersAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Insights);
        await foreach (var row in table.QueryAsync<TableEntity>(PrefixFilter(tenantId, MemberPrefix), cancellationToken: cancellationToken))
        {
            yield return ToMember(row).Activity;
        }
    }

    public async Task ReplaceAsync(string tenantId, IReadOnlyList<MemberActivityRow> members, IReadOnlyList<TenantDayRow> days, ProjectorCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(cursor);
        var table = await tables.GetAsync(LoyaltyTables.Insights);
        var keep = members.Select(m => MemberPrefix + m.Activity.MemberId).Concat(days.Select(d => DayKey(d.Day.Date))).ToHashSet(StringComparer.Ordinal);
        var stale = new List<TableTransactionAction>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (row.RowKey != CursorRow && !keep.Contains(row.RowKey))
            {
                stale.Add(new(TableTransactionActionType.Delete, new TableEntity(tenantId, row.RowKey), ETag.All));
            }
        }

        var writes = members.Select(m => Entity(tenantId, MemberPrefix + m.Activity.MemberId, m with { ETag = null }))
            .Concat(days.Select(d => Entity(tenantId, DayKey(d.Day.Date), d with { ETag = null })))
            .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e));
        foreach (var chunk in stale.Concat(writes).Chunk(TransactionSize))
        {
            await table.SubmitTransactionAsync(chunk, cancellationToken);
        }

        var saved = cursor.ETag is null
            ? await TrySaveAsync(tenantId, CursorRow, cursor, null, cancellationToken)
            : await TrySaveAsync(tenantId, CursorRow, cursor with { ETag = null }, cursor.ETag, cancellationToken);
        if (!saved)
        {
            throw new InvalidOperationException($"The projector of {tenantId} moved during the rebuild; run the rebuild again.");
        }
    }

    private static string DayKey(DateOnly date) => DayPrefix + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string PrefixFilter(string tenantId, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + (char)(prefix[^1] + 1)}");

    private static MemberActivityRow ToMember(TableEntity row) => StorageJson.Deserialize<MemberActivityRow>(row.GetString("Record")) with { ETag = row.ETag.ToString() };

    private static TenantDayRow ToDay(TableEntity row) => StorageJson.Deserialize<TenantDayRow>(row.GetString("Record")) with { ETag = row.ETag.ToString() };

    private static TableEntity Entity<T>(string tenantId, string rowKey, T record) => new(tenantId, rowKey) { ["Record"] = StorageJson.Serialize(record) };

    private async Task<TableEntity?> GetAsync(string tenantId, string rowKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Insights);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private async Task<bool> TrySaveAsync<T>(string tenantId, string rowKey, T record, string? etag, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Insights);
        var entity = Entity(tenantId, rowKey, record);
        try
        {
            if (etag is null)
            {
                await table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return false;
        }
    }
}
