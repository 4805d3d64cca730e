using System.Text.Json;

namespace Loyalty.DevHost.Settings;

/// <summary>
/// The <c>Values</c> and <c>ConnectionStrings</c> of a local.settings.json, as configuration keys: <c>A__B</c> becomes <c>A:B</c>,
/// the same as the environment variables Core Tools sets from it.
/// </summary>
public static class LocalSettingsFile
{
    public const string FileName = "local.settings.json";

    public static Dictionary<string, string?> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var value in values.EnumerateObject())
            {
                settings[value.Name.Replace("__", ":", StringComparison.Ordinal)] = ValueText(value.Value);
            }
        }

        if (document.RootElement.TryGetProperty("ConnectionStrings", out var connections) && connections.ValueKind == JsonValueKind.Object)
        {
            foreach (var connection in connections.EnumerateObject())
            {
                settings[$"ConnectionStrings:{connection.Name}"] = ValueText(connection.Value);
            }
        }

        return settings;
    }

    /// <summary>
    /// The file <c>func start</c> would read: the Functions project's own local.settings.json, else the copy in the build
    /// output, else the repository's local.settings.sample.json so a fresh clone runs without copying anything.
    /// </summary>
    public static string? Find(string? repositoryRoot)
    {
        var candidates = new List<string>();
        if (repositoryRoot is not null)
        {
            candidates.Add(Path.Combine(repositoryRoot, "functions", "Loyalty.Functions", FileName));
        }

        candidates.Add(Path.Combine(AppContext.BaseDirectory, FileName));
        if (repositoryRoot is not null)
        {
            candidates.Add(Path.Combine(repositoryRoot, "local.settings.sample.json"));
        }

        return candidates.FirstOrDefault(File.Exists);
    }

    private static string? ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
