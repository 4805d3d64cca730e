using System.Security.Cryptography;

namespace Loyalty.Testing;

/// <summary>Secrets a test host supplies itself: the app has no built-in development key.</summary>
public static class TestSecrets
{
    /// <summary>A fresh <c>Security__PhoneHashKey</c>: base64 of 32 random bytes.</summary>
    public static string NewPhoneHashKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
