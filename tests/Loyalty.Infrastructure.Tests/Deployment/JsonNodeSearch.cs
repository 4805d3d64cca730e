using System.Text.Json.Nodes;

namespace Loyalty.Infrastructure.Tests.Deployment;

public static class JsonNodeSearch
{
    /// <summary>The string values of every property called <paramref name="name"/>, at any depth.</summary>
    public static IEnumerable<string> DescendantsNamed(this JsonNode? node, string name) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == name && p.Value is JsonValue v && v.TryGetValue(out string? s)
            ? [s]
            : p.Value.DescendantsNamed(name)),
        JsonArray a => a.SelectMany(item => item.DescendantsNamed(name)),
        _ => [],
    };
}
