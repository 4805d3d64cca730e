namespace Loyalty.Core.Tenants;

/// <summary>A newly created key: the only moment the secret is visible.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);
