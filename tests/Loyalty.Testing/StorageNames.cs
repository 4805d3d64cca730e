using System.Text;

namespace Loyalty.Testing;

/// <summary>
/// Names valid for both tables (alphanumeric, starts with a letter, 3–63) and queues
/// (lowercase letters, digits and single hyphens, 3–63): lowercase letters and digits only.
/// </summary>
internal static class StorageNames
{
    private const int MaxLength = 63;

    /// <param name="prefix">Any text; kept as its ASCII letters and digits, lowercased.</param>
    /// <param name="suffix">Lowercase letters and digits that make the name unique.</param>
    public static string Compose(string prefix, string suffix)
    {
        ArgumentNullException.ThrowIfNull(prefix);

        var name = new StringBuilder(MaxLength);
        foreach (var c in prefix)
        {
            if (char.IsAsciiLetterOrDigit(c))
                name.Append(char.ToLowerInvariant(c));
        }
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
            name.Insert(0, 't');
        if (name.Length > MaxLength - suffix.Length)
            name.Length = MaxLength - suffix.Length;

        return name.Append(suffix).ToString();
    }
}
