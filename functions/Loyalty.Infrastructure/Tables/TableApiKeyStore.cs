using Azure.Data.Tables;
using Loyalty.Core.Tenants;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// Keys are found by the hash of their secret (partition = hash, one point read per authentication) and listed per
/// tenant through an index row in the tenant's partition. The index row is written first, so a key never exists
/// without the row its tenant uses to see and revoke it.
/// </summary>
public sealed class TableApiKeyStore(LoyaltyTables tables) : IApiKeyStore
{
    private const string KeyRow = "key";

    public async Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await tables.GetAsync(LoyaltyTables.ApiKeys);
        await table.AddEntityAsync(ToEntity(key, IndexPartition(key.TenantId), key.KeyId), cancellationToken);
        await table.AddEntityAsync(ToEntity(key, key.SecretHash, KeyRow), cancellationToken);
    }

    public async Task<ApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.ApiKeys);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(secretHash, KeyRow, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? ToKey(e) : null;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.ApiKeys);
        var keys = new List<ApiKey>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition(tenantId)}"), cancellationToken: cancellationToken))
        {
            keys.Add(ToKey(e));
        }

        return keys;
    }

    public async Task<ApiKey?> RevokeAsync(string tenantId, string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.ApiKeys);
        var index = await table.GetEntityIfExistsAsync<TableEntity>(IndexPartition(tenantId), keyId, cancellationToken: cancellationToken);
        if (!index.HasValue || index.Value is null)
        {
            return null;
        }

        var key = ToKey(index.Value);
        var revoked = key with { RevokedAt = key.RevokedAt ?? revokedAt };
        // The lookup row is what authentication reads: revoke it first.
        await table.UpsertEntityAsync(ToEntity(revoked, revoked.SecretHash, KeyRow), TableUpdateMode.Replace, cancellationToken);
        await table.UpsertEntityAsync(ToEntity(revoked, IndexPartition(tenantId), keyId), TableUpdateMode.Replace, cancellationToken);
        return revoked;
    }

    private static string IndexPartition(string tenantId) => $"tenant:{tenantId}";

    private static TableEntity ToEntity(ApiKey key, string partitionKey, string rowKey) => new(partitionKey, rowKey)
    {
        ["KeyId"] = key.KeyId,
        ["TenantId"] = key.TenantId,
        ["Scope"] = key.Scope.ToString(),
        ["Name"] = key.Name,
        ["SecretHash"] = key.SecretHash,
        ["CreatedAt"] = key.CreatedAt,
        ["RevokedAt"] = key.RevokedAt,
    };

    private static ApiKey ToKey(TableEntity e) => new(
        e.GetString("KeyId"),
        e.GetString("TenantId"),
        Enum.Parse<ApiKeyScope>(e.GetString("Scope")),
        e.GetString("Name") ?? string.Empty,
        e.GetString("SecretHash"),
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch,
        e.GetDateTimeOffset("RevokedAt"));
}
