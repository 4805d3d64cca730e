namespace Loyalty.Functions.Tenants;

/// <summary>A new tenant with its first admin key, whose secret is shown this once.</summary>
public sealed record CreatedTenant(string TenantId, string Name, DateTimeOffset CreatedAt, KeyView AdminKey);

/// <summary>The tenant's API keys, without their secrets.</summary>
public sealed record KeyList(IReadOnlyList<KeyView> Keys);
