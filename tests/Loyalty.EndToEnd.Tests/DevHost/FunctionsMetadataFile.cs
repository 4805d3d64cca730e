using System.Reflection;
using System.Text.Json.Nodes;

namespace Loyalty.EndToEnd.Tests.DevHost;

/// <summary>The functions.metadata the Functions SDK wrote for this build: what Core Tools and Azure would load.</summary>
public static class FunctionsMetadataFile
{
    public static JsonArray Read()
    {
        var configuration = typeof(FunctionsMetadataFile).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var candidates = new List<string>();
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LoyaltyFunctions.sln")))
            {
                candidates.Add(Path.Combine(dir.FullName, "functions", "Loyalty.Functions", "bin", configuration, "net10.0", "functions.metadata"));
                break;
            }
        }

        // The build also copies it beside these tests (it is content of the referenced Functions project).
        candidates.Add(Path.Combine(AppContext.BaseDirectory, "functions.metadata"));
        var path = candidates.FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"functions.metadata not found in: {string.Join(", ", candidates)}. Build Loyalty.Functions first.");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    }

    /// <summary>One line per function: name, entry point, trigger type and what the trigger listens on.</summary>
    public static string Describe(JsonNode function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var trigger = function["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))!;
        var type = trigger["type"]!.GetValue<string>();
        var detail = type switch
        {
            "httpTrigger" => $"{Methods(trigger["methods"]?.AsArray().Select(m => m!.GetValue<string>()))} {trigger["route"]?.GetValue<string>() ?? function["name"]!.GetValue<string>()}",
            "queueTrigger" => $"{trigger["queueName"]} via {trigger["connection"]?.GetValue<string>() ?? "(default)"}",
            "timerTrigger" => $"{trigger["schedule"]}",
            _ => string.Empty,
        };
        return $"{function["name"]} {function["entryPoint"]} {type} {detail}".TrimEnd();
    }

    public static string Methods(IEnumerable<string>? methods) =>
        methods is null || !methods.Any() ? "ANY" : string.Join(',', methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal));
}
