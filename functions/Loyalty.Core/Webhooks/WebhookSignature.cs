using System.Security.Cryptography;
using System.Text;

namespace Loyalty.Core.Webhooks;

/// <summary>Computes and checks webhook signatures. Comparisons are constant-time, so timing reveals nothing about a near miss.</summary>
public static class WebhookSignature
{
    /// <summary>
    /// WeChat's <c>sha1(sort(parts).join(""))</c>, hex: over token, timestamp and nonce for <c>signature</c>, and over
    /// token, timestamp, nonce and the <c>Encrypt</c> field for <c>msg_signature</c> in safe mode.
    /// </summary>
    public static string WeChat(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sorted = (string[])parts.Clone();
        Array.Sort(sorted, StringComparer.Ordinal);
#pragma warning disable CA5350 // SHA-1 is what the WeChat protocol specifies; channels that can should use the HMAC-SHA256 scheme.
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
#pragma warning restore CA5350
    }

    public static string Hmac(string token, string timestamp, string nonce, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{body}")));

    public static bool Matches(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented.ToLowerInvariant()));
}
