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
    public static string? AddIfMissing(ConfigurationManager configuration, string stateDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration[SettingKey]))
        {
            return null;
        }

        var path = Path.Combine(stateDirectory, FileName);
        configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(SettingKey, ReadOrCreate(path))]);
        return path;
    }

    private static string ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var saved = File.ReadAllText(path).Trim();
            return Convert.TryFromBase64String(saved, new byte[saved.Length], out var length) && length >= 16
                ? saved
                : throw new InvalidOperationException($"{path} does not hold a base64 key of at least 16 bytes. Delete it to generate a new one (members registered under the old key can then no longer be found by phone), or set Security__PhoneHashKey.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(key);
        }

        return key;
    }
}
