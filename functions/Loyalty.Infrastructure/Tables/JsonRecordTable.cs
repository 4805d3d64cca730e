using Azure;
using Azure.Data.Tables;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// One JSON record per row, with add-or-get for idempotent creation and ETag-guarded replacement. Records carry their
/// ETag as an opaque string. Each store keeps its own layout: where a record's row is, the column holding the JSON
/// and the extra columns written beside it. Stores that give a record a partition of its own (so records never
/// contend) use the row key <c>record</c>.
/// </summary>
internal sealed class JsonRecordTable<T>(LoyaltyTables tables, string tableName, Func<T, string?> etagOf, Func<T, string?, T> withETag, string recordColumn = "Record")
    where T : class
{
    private const string RowKey = "record";

    public async Task<T> AddOrGetAsync(string partitionKey, T record, IReadOnlyDictionary<string, object?> columns, CancellationToken cancellationToken) =>
        (await AddOrGetAsync(partitionKey, RowKey, record, columns, cancellationToken)).Record;

    /// <summary>
    /// Adds the record, or returns the one already stored under its keys (<c>Added</c> false). An <paramref name="alongside"/>
    /// row (an outbox row of the same partition) is added in the same transaction, so it exists exactly when the record was added.
    /// </summary>
    public async Task<(T Record, bool Added)> AddOrGetAsync(string partitionKey, string rowKey, T record, IReadOnlyDictionary<string, object?> columns, CancellationToken cancellationToken, TableEntity? alongside = null)
    {
        var table = await tables.GetAsync(tableName);
        try
        {
            var entity = ToEntity(partitionKey, rowKey, record, columns);
            if (alongside is null)
            {
                var response = await table.AddEntityAsync(entity, cancellationToken);
                return (withETag(record, response.Headers.ETag?.ToString()), true);
            }

            var batch = await table.SubmitTransactionAsync([new(TableTransactionActionType.Add, entity), new(TableTransactionActionType.Add, alongside)], cancellationToken);
            return (withETag(record, batch.Value[0].Headers.ETag?.ToString()), true);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var stored = await GetAsync(partitionKey, rowKey, cancellationToken)
                ?? throw new InvalidOperationException($"Row {partitionKey}/{rowKey} vanished after a conflicting add.", ex);
            return (stored, false);
        }
    }

    public Task<T?> GetAsync(string partitionKey, CancellationToken cancellationToken) => GetAsync(partitionKey, RowKey, cancellationToken);

    public async Task<T?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? withETag(StorageJson.Deserialize<T>(e.GetString(recordColumn)), e.ETag.ToString()) : null;
    }

    public Task<bool> TryUpdateAsync(string partitionKey, T record, IReadOnlyDictionary<string, object?> columns, CancellationToken cancellationToken) =>
        TryUpdateAsync(partitionKey, RowKey, record, columns, cancellationToken);

    /// <summary>
    /// Replaces the row if it still has the record's ETag (any ETag when the record has none); false if it changed or is
    /// gone. An <paramref name="alongside"/> row is upserted in the same transaction.
    /// </summary>
    public async Task<bool> TryUpdateAsync(string partitionKey, string rowKey, T record, IReadOnlyDictionary<string, object?> columns, CancellationToken cancellationToken, TableEntity? alongside = null)
    {
        var table = await tables.GetAsync(tableName);
        var etag = etagOf(record) is { } known ? new ETag(known) : ETag.All;
        var entity = ToEntity(partitionKey, rowKey, record, columns);
        try
        {
            if (alongside is null)
            {
                await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await table.SubmitTransactionAsync([new(TableTransactionActionType.UpdateReplace, entity, etag), new(TableTransactionActionType.UpsertReplace, alongside)], cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    private TableEntity ToEntity(string partitionKey, string rowKey, T record, IReadOnlyDictionary<string, object?> columns)
    {
        var entity = new TableEntity(partitionKey, rowKey) { [recordColumn] = StorageJson.Serialize(withETag(record, null)) };
        foreach (var (name, value) in columns)
        {
            entity[name] = value;
        }

        return entity;
    }
}
