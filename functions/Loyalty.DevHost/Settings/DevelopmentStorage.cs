namespace Loyalty.DevHost.Settings;

/// <summary>
/// <c>UseDevelopmentStorage=true</c> means Azurite on ports 10000-10002. When run.sh had to start Azurite elsewhere it
/// sets <c>DevHost__DevelopmentStorage</c>, and every setting with that value is pointed there instead: the settings
/// file stays the one <c>func start</c> reads.
/// </summary>
public static class DevelopmentStorage
{
    public const string Shorthand = "UseDevelopmentStorage=true";
    public const string OverrideKey = "DevHost:DevelopmentStorage";

    public static void Redirect(IDictionary<string, string?> settings, string? connectionString)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        foreach (var key in settings.Keys.ToList())
        {
            if (string.Equals(settings[key]?.Trim(), Shorthand, StringComparison.OrdinalIgnoreCase))
            {
                settings[key] = connectionString;
            }
        }
    }
}
