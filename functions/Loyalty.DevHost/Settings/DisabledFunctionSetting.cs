using Microsoft.Extensions.Configuration;

namespace Loyalty.DevHost.Settings;

/// <summary>
/// The app setting that switches one function off, read as the Functions host reads it: <c>AzureWebJobs.{name}.Disabled</c>,
/// or <c>AzureWebJobs_{name}_Disabled</c> where environment variable names cannot hold a dot, set to <c>true</c> or <c>1</c>.
/// </summary>
public static class DisabledFunctionSetting
{
    public static string NameFor(string function) => $"AzureWebJobs.{function}.Disabled";

    public static bool IsDisabled(IConfiguration configuration, string function)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(function);
        return IsOn(configuration[NameFor(function)]) || IsOn(configuration[$"AzureWebJobs_{function}_Disabled"]);
    }

    // Any other value, "false" and "yes" included, leaves the function on, as in the host.
    private static bool IsOn(string? value) =>
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "1", StringComparison.Ordinal);
}
