using System.Text.RegularExpressions;

namespace Loyalty.Core.Tenants;

/// <summary>A merchant using the platform. All of its data lives under its id.</summary>
public sealed partial record Tenant(string TenantId, string Name, DateTimeOffset CreatedAt)
{
    public static bool IsValidId(string? value) => value is not null && IdPattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
