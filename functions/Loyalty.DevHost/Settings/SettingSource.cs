using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace Loyalty.DevHost.Settings;

/// <summary>Says which layer of the dev host's settings gives a key its value, for the start banner.</summary>
public static class SettingSource
{
    /// <returns>"the environment variable A__B", "the command line", "A__B in {file}", or null when the key has no value.</returns>
    public static string? Describe(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(key);
        if (configuration is not IConfigurationRoot root || string.IsNullOrEmpty(configuration[key]))
        {
            return null;
        }

        var name = key.Replace(":", "__", StringComparison.Ordinal);
        var provider = root.Providers.Reverse().First(p => p.TryGet(key, out var value) && !string.IsNullOrEmpty(value));
        return provider switch
        {
            EnvironmentVariablesConfigurationProvider => $"the environment variable {name}",
            CommandLineConfigurationProvider => "the command line",
            _ when configuration[DevHostApplication.SettingsFileKey] is { } file && provider.TryGet(DevHostApplication.SettingsFileKey, out _) => $"{name} in {file}",
            _ => $"{name} in the dev host's settings",
        };
    }
}
