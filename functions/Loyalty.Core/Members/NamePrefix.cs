using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Loyalty.Core.Members;

/// <summary>
/// Keyed tokens of a name's first 1..<see cref="MaxLength"/> characters (case-folded), stored beside the encrypted name
/// so "names starting with 王" is one indexed comparison. Longer prefixes are matched on the token of their first
/// <see cref="MaxLength"/> characters and then checked against the decrypted name.
/// </summary>
public static class NamePrefix
{
    public const int MaxLength = 4;

    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>The token of the first <paramref name="length"/> text elements of the folded name; null when the name is shorter.</summary>
    public static string? Token(byte[] key, string name, int length)
    {
        var elements = new StringInfo(Fold(name));
        if (elements.LengthInTextElements < length)
        {
            return null;
        }

        var prefix = elements.SubstringByTextElements(0, length);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("name-prefix\n" + prefix)))[..24];
    }

    /// <summary>The token a query for <paramref name="q"/> compares, and which stored token (by length) it compares with.</summary>
    public static (string? Token, int Length) ForQuery(byte[] key, string q)
    {
        var length = Math.Min(new StringInfo(Fold(q)).LengthInTextElements, MaxLength);
        return length == 0 ? (null, 0) : (Token(key, q, length), length);
    }

    public static bool Matches(string? name, string q) =>
        name is not null && Fold(name).StartsWith(Fold(q), StringComparison.Ordinal);
}
