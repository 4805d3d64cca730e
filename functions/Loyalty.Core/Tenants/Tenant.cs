using System.Text.RegularExpressions;

namespace Loyalty.Core.Tenants;

/// <summary>A merchant using the platform. All of its data lives under its id.</summary>
public sealed partial record Tenant(string TenantId, string Name, DateTimeOffset CreatedAt)
{
    public const string IdPattern = "^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$";

    /// <summary>A tenant id: 3-40 lower-case letters, digits and '-', neither first nor last.</summary>
    public static readonly Common.TextBound IdBound = new(40, IdPattern);

    public static bool IsValidId(string? value) => value is not null && IdRegex().IsMatch(value);

    [GeneratedRegex(IdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();
}
