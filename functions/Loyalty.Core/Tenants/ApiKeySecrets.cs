using System.Security.Cryptography;
using System.Text;

namespace Loyalty.Core.Tenants;

/// <summary>Makes and hashes key secrets. Secrets are 256 random bits; only their SHA-256 is stored, so a stolen table reveals no key.</summary>
public static class ApiKeySecrets
{
    public const string Prefix = "lfk_";

    public static string NewSecret() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewKeyId() => Base64Url(RandomNumberGenerator.GetBytes(9));

    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>Compares two secrets without leaking, through timing, how much of them matched.</summary>
    public static bool FixedTimeEquals(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
