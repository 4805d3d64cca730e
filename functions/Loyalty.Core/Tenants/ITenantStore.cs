namespace Loyalty.Core.Tenants;

public interface ITenantStore
{
    /// <summary>False when the tenant id is taken.</summary>
    Task<bool> CreateAsync(Tenant tenant, CancellationToken cancellationToken);

    Task<Tenant?> GetAsync(string tenantId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken);
}
