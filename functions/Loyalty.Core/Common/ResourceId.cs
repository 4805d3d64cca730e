using System.Text.RegularExpressions;

namespace Loyalty.Core.Common;

/// <summary>
/// The one pattern of the ids callers choose (members, orders, gifts, projects, lotteries, channels...): the
/// merchant's own ids, letters, digits and <c>_ . -</c>, 1 to 64 characters. Safe in a storage key.
/// </summary>
public static partial class ResourceId
{
    public const string Pattern = "^[A-Za-z0-9_.-]{1,64}$";

    public static bool IsValid(string? value) => value is not null && Regex().IsMatch(value);

    /// <summary>The error for a missing id or one off the pattern.</summary>
    public static FieldError Violation(string field) =>
        new(field, "pattern", $"{field} is required: 1-64 letters, digits, '_', '.' or '-'.");

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Regex();
}
