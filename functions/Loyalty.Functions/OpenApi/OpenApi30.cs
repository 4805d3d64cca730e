using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loyalty.Functions.OpenApi;

/// <summary>
/// Rewrites the JSON Schema (2020-12) that <c>JsonSchemaExporter</c> writes into the schema dialect of OpenAPI 3.0: a
/// nullable type is <c>nullable: true</c> rather than a type list, <c>true</c> is <c>{}</c>, and no <c>$schema</c>.
/// </summary>
public static class OpenApi30
{
    private static readonly string[] Nested = ["items", "additionalProperties", "not"];

    private static readonly string[] Lists = ["allOf", "anyOf", "oneOf"];

    public static JsonObject Convert(JsonNode schema, string where)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.GetValueKind() is JsonValueKind.True)
        {
            return [];
        }

        if (schema is not JsonObject node)
        {
            throw new InvalidOperationException($"{where}: {schema.ToJsonString()} has no OpenAPI 3.0 form.");
        }

        node.Remove("$schema");
        if (node["$ref"]?.GetValue<string>() is { } reference && !reference.StartsWith("#/components/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{where}: a recursive type ({reference}) cannot be described; give it a named component.");
        }

        if (node["type"] is JsonArray types)
        {
            var named = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
            if (named.Count != 1)
            {
                throw new InvalidOperationException($"{where}: type {types.ToJsonString()} has no OpenAPI 3.0 form.");
            }

            node["type"] = named[0];
            if (types.Count > named.Count)
            {
                node["nullable"] = true;
            }
        }

        if (node["enum"] is JsonArray values && values.Any(v => v is null))
        {
            node["enum"] = new JsonArray([.. values.Where(v => v is not null).Select(v => v!.DeepClone())]);
            node["nullable"] = true;
        }

        if (node["properties"] is JsonObject properties)
        {
            foreach (var name in properties.Select(p => p.Key).ToList())
            {
                properties[name] = Convert(properties[name]!, $"{where}.{name}");
            }
        }

        foreach (var keyword in Nested)
        {
            if (node[keyword] is { } child && child.GetValueKind() != JsonValueKind.False)
            {
                node[keyword] = Convert(child, $"{where}.{keyword}");
            }
        }

        foreach (var keyword in Lists)
        {
            if (node[keyword] is JsonArray list)
            {
                node[keyword] = new JsonArray([.. list.Select((s, i) => Convert(s!.DeepClone(), $"{where}.{keyword}[{i}]"))]);
            }
        }

        return node;
    }
}
