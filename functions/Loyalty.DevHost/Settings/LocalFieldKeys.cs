using System.Security.Cryptography;
using Loyalty.Infrastructure.Security;
using Microsoft.Extensions.Configuration;

namespace Loyalty.DevHost.Settings;

/// <summary>
/// The field-encryption key ring of a local run that no setting gives one: one AES-256 key (id <c>local-1</c>)
/// generated once into the state folder, so locally stored names and phone numbers stay readable across restarts.
/// The app has no fallback key: without this (or <c>Security__FieldKeys</c>) it refuses to start.
/// </summary>
public static class LocalFieldKeys
{
    public const string SettingKey = "Security:FieldKeys";
    public const string FileName = "field-keys";

    /// <returns>The file the ring came from, or null when the settings already give one.</returns>
    public static string? AddIfMissing(ConfigurationManager configuration, string stateDirectory) =>
        LocalSecretFile.AddIfMissing(
            configuration,
            SettingKey,
            Path.Combine(stateDirectory, FileName),
            () => "local-1:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(FieldKeyRing.KeyBytes)),
            saved => FieldKeyRing.Parse(saved, out _) is not null,
            "does not hold a field key ring (id:base64 of 32 bytes). Locally stored names and phone numbers cannot be read without it; restore it, or start over with fresh local storage and delete the file.");
}
