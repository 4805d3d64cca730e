using System.Text.Json;

namespace Loyalty.DevHost.Settings;

/// <summary>
/// host.json as configuration under <c>AzureFunctionsJobHost</c>, the section name the Functions host uses, so an app
/// setting like <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c> overrides it in both hosts.
/// </summary>
public static class HostJsonFile
{
    public const string Section = "AzureFunctionsJobHost";

    public static Dictionary<string, string?> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(document.RootElement, Section, settings);
        return settings;
    }

    /// <summary>host.json from the Functions build output, which the dev host's build copies beside itself.</summary>
    public static string? Find() =>
        Path.Combine(AppContext.BaseDirectory, "host.json") is var path && File.Exists(path) ? path : null;

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string?> settings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, $"{prefix}:{property.Name}", settings);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{index++}", settings);
                }

                break;
            case JsonValueKind.Null:
                settings[prefix] = null;
                break;
            case JsonValueKind.String:
                settings[prefix] = element.GetString();
                break;
            default:
                settings[prefix] = element.GetRawText();
                break;
        }
    }
}
