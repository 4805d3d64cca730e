using System.Security.Cryptography;

namespace Loyalty.Testing;

/// <summary>Secrets a test host supplies itself: the app has no built-in development key.</summary>
public static class TestSecrets
{
    /// <summary>A fresh <c>Security__PhoneHashKey</c>: base64 of 32 random bytes.</summary>
    public static string NewPhoneHashKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A fresh <c>Security__FieldKeys</c> ring of one key named <paramref name="keyId"/>.</summary>
    public static string NewFieldKeys(string keyId = "test-1") => $"{keyId}:{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}";
}
