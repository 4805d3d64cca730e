using Microsoft.Extensions.Configuration;

namespace Loyalty.DevHost.Settings;

/// <summary>
/// A secret of a local run that no setting gives: generated once into a file of the state folder (readable by the
/// user only) and read back on every later start, so what it protects stays readable across restarts.
/// </summary>
internal static class LocalSecretFile
{
    /// <returns>The file the secret came from, or null when the settings already give one.</returns>
    public static string? AddIfMissing(ConfigurationManager configuration, string settingKey, string path, Func<string> generate, Func<string, bool> isValid, string invalidMessage)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration[settingKey]))
        {
            return null;
        }

        configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(settingKey, ReadOrCreate(path, generate, isValid, invalidMessage))]);
        return path;
    }

    private static string ReadOrCreate(string path, Func<string> generate, Func<string, bool> isValid, string invalidMessage)
    {
        if (File.Exists(path))
        {
            var saved = File.ReadAllText(path).Trim();
            return isValid(saved) ? saved : throw new InvalidOperationException($"{path} {invalidMessage}");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = generate();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(secret);
        }

        return secret;
    }
}
