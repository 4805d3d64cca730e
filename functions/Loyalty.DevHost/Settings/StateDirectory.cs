using Microsoft.Extensions.Configuration;

namespace Loyalty.DevHost.Settings;

/// <summary>Where the dev host keeps what it generates: <c>DevHost:StateDirectory</c> (run.sh sets it), else .devhost/ in the clone.</summary>
public static class StateDirectory
{
    public const string SettingKey = "DevHost:StateDirectory";

    public static string Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[SettingKey] is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryFolder.Find() ?? Directory.GetCurrentDirectory(), ".devhost");
    }
}
