namespace Loyalty.Core.Tenants;

public interface IApiKeyStore
{
    Task AddAsync(ApiKey key, CancellationToken cancellationToken);

    Task<ApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>The revoked key; null when the tenant has no such key. A key already revoked keeps its first revocation time.</summary>
    Task<ApiKey?> RevokeAsync(string tenantId, string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken);
}
