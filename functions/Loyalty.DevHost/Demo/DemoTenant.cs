using System.Text.Json;
using Loyalty.Core.Common;
using Loyalty.Core.Tenants;
using Microsoft.Extensions.Logging;

namespace Loyalty.DevHost.Demo;

/// <summary>
/// Makes sure a demo tenant with an admin, a POS and a storefront key exists. The keys are written to the state folder; a later
/// start reads them back and checks they still work (Azurite's data may have been wiped), issuing new ones only if not.
/// </summary>
public sealed class DemoTenant(TenantService tenants, TimeProvider time, ILogger<DemoTenant> logger, string stateDirectory)
{
    public const string TenantId = "demo";
    private static readonly JsonSerializerOptions Json = new(LoyaltyJson.Options) { WriteIndented = true };

    public string KeysFile => Path.Combine(stateDirectory, "demo-keys.json");

    public async Task<DemoKeys> EnsureAsync(CancellationToken cancellationToken)
    {
        if (await ReadAsync(cancellationToken) is { } saved && await WorksAsync(saved, cancellationToken))
        {
            return saved;
        }

        var created = await tenants.CreateTenantAsync(TenantId, "Demo Coffee & Bakery", cancellationToken);
        string adminKey;
        if (created.IsSuccess)
        {
            adminKey = created.Value.AdminKey.Secret;
            logger.LogInformation("Created the demo tenant '{Tenant}'", TenantId);
        }
        else if (created.Error.Code == "tenant-exists")
        {
            // The tenant outlived its saved keys: issue fresh ones rather than fail.
            adminKey = (await tenants.IssueKeyAsync(TenantId, ApiKeyScope.Admin, "dev host admin", cancellationToken)).Secret;
        }
        else
        {
            throw new InvalidOperationException($"Cannot create the demo tenant: {created.Error.Message}");
        }

        var posKey = (await tenants.IssueKeyAsync(TenantId, ApiKeyScope.Pos, "dev host pos", cancellationToken)).Secret;
        var storefrontKey = (await tenants.IssueKeyAsync(TenantId, ApiKeyScope.Storefront, "dev host storefront", cancellationToken)).Secret;
        var keys = new DemoKeys(TenantId, adminKey, posKey, storefrontKey, time.GetUtcNow());
        Directory.CreateDirectory(stateDirectory);
        await File.WriteAllTextAsync(KeysFile, JsonSerializer.Serialize(keys, Json), cancellationToken);
        return keys;
    }

    private async Task<DemoKeys?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(KeysFile))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DemoKeys>(await File.ReadAllTextAsync(KeysFile, cancellationToken), Json);
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Ignoring unreadable {File}: {Message}", KeysFile, ex.Message);
            return null;
        }
    }

    private async Task<bool> WorksAsync(DemoKeys keys, CancellationToken cancellationToken) =>
        await tenants.AuthenticateAsync(keys.AdminKey, cancellationToken) is { TenantId: TenantId, Scope: ApiKeyScope.Admin }
        && await tenants.AuthenticateAsync(keys.PosKey, cancellationToken) is { TenantId: TenantId, Scope: ApiKeyScope.Pos }
        && keys.StorefrontKey is not null
        && await tenants.AuthenticateAsync(keys.StorefrontKey, cancellationToken) is { TenantId: TenantId, Scope: ApiKeyScope.Storefront };
}
