namespace Loyalty.Core.Tenants;

public interface IApiKeyStore
{
    Task AddAsync(ApiKey key, CancellationToken cancellationToken);

    Task<ApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>False when the tenant has no such key.</summary>
    Task<bool> RevokeAsync(string tenantId, string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken);
}
