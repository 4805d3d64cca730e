namespace Loyalty.Core.Tenants;

/// <summary>A tenant API key as stored: only a hash of the secret is kept.</summary>
public sealed record ApiKey(string KeyId, string TenantId, ApiKeyScope Scope, string Name, string SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt = null)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>The authenticated caller of a request.</summary>
public sealed record TenantCaller(string TenantId, string KeyId, ApiKeyScope Scope)
{
    public bool Allows(params ApiKeyScope[] scopes) => Scope == ApiKeyScope.Admin || scopes.Contains(Scope);
}
