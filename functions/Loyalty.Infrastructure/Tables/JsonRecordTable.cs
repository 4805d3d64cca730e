using Azure;
using Azure.Data.Tables;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// One JSON record per row (partition = its own key, so records never contend), with add-or-get for idempotent
/// creation and ETag-guarded replacement. Records carry their ETag as an opaque string.
/// </summary>
internal sealed class JsonRecordTable<T>(LoyaltyTables tables, string tableName, Func<T, string?> etagOf, Func<T, string?, T> withETag)
    where T : class
{
    private const string RowKey = "record";

    public async Task<T> AddOrGetAsync(string partitionKey, T record, IReadOnlyDictionary<string, object?> columns, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName);
        try
        {
            var response = await table.AddEntityAsync(ToEntity(partitionKey, record, columns), cancellationToken);
            return withETag(record, response.Headers.ETag?.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(partitionKey, cancellationToken)
                ?? throw new InvalidOperationException($"Row {partitionKey} vanished after a conflicting add.", ex);
        }
    }

    public async Task<T?> GetAsync(string partitionKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, RowKey, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? withETag(StorageJson.Deserialize<T>(e.GetString("Record")), e.ETag.ToString()) : null;
    }

    public async Task<bool> TryUpdateAsync(string partitionKey, T record, IReadOnlyDictionary<string, object?> columns, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName);
        var etag = etagOf(record);
        try
        {
            await table.UpdateEntityAsync(ToEntity(partitionKey, record, columns), etag is null ? ETag.All : new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    private TableEntity ToEntity(string partitionKey, T record, IReadOnlyDictionary<string, object?> columns)
    {
        var entity = new TableEntity(partitionKey, RowKey) { ["Record"] = StorageJson.Serialize(withETag(record, null)) };
        foreach (var (name, value) in columns)
        {
            entity[name] = value;
        }

        return entity;
    }
}
