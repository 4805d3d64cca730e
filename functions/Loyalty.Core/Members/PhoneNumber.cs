using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Loyalty.Core.Members;

/// <summary>A phone number in E.164. Accepts E.164 (+8613812345678) or a mainland China mobile number (13812345678).</summary>
public sealed partial record PhoneNumber
{
    private PhoneNumber(string e164) => E164 = e164;

    public const string FormatRule = "phone must be E.164 (+8613812345678) or a mainland China mobile number (13812345678).";

    /// <summary>A phone as a request may write it, separators (spaces, '-', brackets) included.</summary>
    public static readonly Common.TextBound Bound = new(32);

    public string E164 { get; }

    /// <summary>For display and logs: only the last four digits.</summary>
    public string Masked => $"{E164[..3]}****{E164[^4..]}";

    /// <summary>
    /// For logs and the SMS outbox: a mainland number as people write it masked (<c>138****5678</c>), any other
    /// number as its first four characters and last four (<c>+155****0100</c>).
    /// </summary>
    public string Redacted => E164.StartsWith("+86", StringComparison.Ordinal) && E164.Length == 14
        ? $"{E164[3..6]}****{E164[^4..]}"
        : $"{E164[..4]}****{E164[^4..]}";

    public static PhoneNumber? Parse(string? input)
    {
        if (input is null)
        {
            return null;
        }

        var compact = Separators().Replace(input.Trim(), string.Empty);
        if (ChinaMobile().IsMatch(compact))
        {
            return new PhoneNumber("+86" + compact);
        }

        return E164Pattern().IsMatch(compact) ? new PhoneNumber(compact) : null;
    }

    /// <summary>A keyed hash (HMAC-SHA256) so lookups by phone work without storing the number as a key.</summary>
    public string Hash(byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(E164)));

    public override string ToString() => Masked;

    [GeneratedRegex(@"^1[3-9]\d{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChinaMobile();

    [GeneratedRegex(@"^\+[1-9]\d{7,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164Pattern();

    [GeneratedRegex(@"[\s\-()]", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();
}
