namespace Loyalty.Core.Tenants;

/// <summary>What a tenant API key may do: POS terminals, storefronts, or the merchant's administrators (everything).</summary>
public enum ApiKeyScope
{
    Pos,
    Storefront,
    Admin,
}
