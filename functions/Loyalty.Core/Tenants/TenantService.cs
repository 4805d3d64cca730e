using Loyalty.Core.Common;

namespace Loyalty.Core.Tenants;

/// <summary>Creates tenants and their keys, and resolves a presented key to its tenant and scope.</summary>
public sealed class TenantService(ITenantStore tenants, IApiKeyStore keys, TimeProvider time)
{
    public async Task<Result<(Tenant Tenant, IssuedApiKey AdminKey)>> CreateTenantAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!Tenant.IsValidId(tenantId))
        {
            errors.Add(new FieldError("tenantId", "pattern", "tenantId must be 3-40 lowercase letters, digits or hyphens, not starting or ending with a hyphen."));
        }

        if (string.IsNullOrWhiteSpace(name) || !TextBounds.Name.Contains(name))
        {
            errors.Add(new FieldError("name", "length", "name must be 1-100 characters."));
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var tenant = new Tenant(tenantId, name.Trim(), time.GetUtcNow());
        if (!await tenants.CreateAsync(tenant, cancellationToken))
        {
            return Error.Conflict("tenant-exists", $"Tenant '{tenantId}' already exists.");
        }

        var admin = await IssueKeyAsync(tenantId, ApiKeyScope.Admin, "bootstrap admin", cancellationToken);
        return (tenant, admin);
    }

    public async Task<IssuedApiKey> IssueKeyAsync(string tenantId, ApiKeyScope scope, string name, CancellationToken cancellationToken)
    {
        var secret = ApiKeySecrets.NewSecret();
        var key = new ApiKey(ApiKeySecrets.NewKeyId(), tenantId, scope, name, ApiKeySecrets.Hash(secret), time.GetUtcNow());
        await keys.AddAsync(key, cancellationToken);
        return new IssuedApiKey(key, secret);
    }

    /// <summary>The caller a secret identifies, or null for an unknown or revoked key.</summary>
    public async Task<TenantCaller?> AuthenticateAsync(string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(ApiKeySecrets.Prefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        var key = await keys.FindBySecretHashAsync(ApiKeySecrets.Hash(secret), cancellationToken);
        return key is { IsActive: true } ? new TenantCaller(key.TenantId, key.KeyId, key.Scope) : null;
    }
}
