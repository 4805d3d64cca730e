using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Loyalty.DevHost.Settings;

/// <summary>
/// The phone-hash key of a local run that no setting gives one: 32 random bytes generated once into the state folder
/// and read back on every later start, so members registered locally stay findable by phone. The app itself has no
/// fallback key: without this (or <c>Security__PhoneHashKey</c>) it refuses to start.
/// </summary>
public static class LocalPhoneHashKey
{
    public const string SettingKey = "Security:PhoneHashKey";
    public const string FileName = "phone-hash-key";

    /// <returns>The file the key came from, or null when the settings already give one.</returns>
    public static string? AddIfMissing(ConfigurationManager configuration, string stateDirectory) =>
        LocalSecretFile.AddIfMissing(
            configuration,
            SettingKey,
            Path.Combine(stateDirectory, FileName),
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            saved => Convert.TryFromBase64String(saved, new byte[saved.Length], out var length) && length >= 16,
            "does not hold a base64 key of at least 16 bytes. Delete it to generate a new one (members registered under the old key can then no longer be found by phone), or set Security__PhoneHashKey.");
}
