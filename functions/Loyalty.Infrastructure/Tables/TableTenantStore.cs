using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Tenants;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

public sealed class TableTenantStore(LoyaltyTables tables) : ITenantStore
{
    private const string RowKey = "tenant";

    public async Task<bool> CreateAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var table = await tables.GetAsync(LoyaltyTables.Tenants);
        try
        {
            await table.AddEntityAsync(
                new TableEntity(tenant.TenantId, RowKey) { ["Name"] = tenant.Name, ["CreatedAt"] = tenant.CreatedAt },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Tenants);
        var tenants = new List<Tenant>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {RowKey}"), cancellationToken: cancellationToken))
        {
            tenants.Add(new Tenant(e.PartitionKey, e.GetString("Name"), e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch));
        }

        return tenants;
    }

    public async Task<Tenant?> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Tenants);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, RowKey, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? new Tenant(tenantId, e.GetString("Name"), e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch)
            : null;
    }
}
