using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Loyalty.Functions.Tests.Support;

/// <summary>
/// Checks an OpenAPI example against its schema for the keywords the document uses ($ref, type, required, properties,
/// additionalProperties, items, enum, pattern, minimum, maximum), so an example cannot drift from the schema it illustrates.
/// </summary>
public sealed class ExampleValidator(JsonObject document)
{
    public IReadOnlyList<string> Validate(JsonNode? value, JsonNode schema, string path)
    {
        var errors = new List<string>();
        Check(value, schema, path, errors);
        return errors;
    }

    private JsonObject Resolve(JsonNode schema)
    {
        var current = schema.AsObject();
        while (current["$ref"] is { } reference)
        {
            JsonNode? target = document;
            foreach (var part in reference.GetValue<string>().TrimStart('#', '/').Split('/'))
            {
                target = target?[part];
            }

            current = target?.AsObject() ?? throw new InvalidOperationException($"Unresolved $ref {reference}.");
        }

        return current;
    }

    private void Check(JsonNode? value, JsonNode schemaNode, string path, List<string> errors)
    {
        var schema = Resolve(schemaNode);
        if (value is null)
        {
            errors.Add($"{path}: null (leave the member out instead)");
            return;
        }

        var type = schema["type"]?.GetValue<string>();
        var kind = value.GetValueKind();
        var typeOk = type switch
        {
            null => true,
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            "string" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "integer" => kind == JsonValueKind.Number && value.GetValue<decimal>() % 1 == 0,
            "number" => kind == JsonValueKind.Number,
            _ => false,
        };
        if (!typeOk)
        {
            errors.Add($"{path}: expected {type}, found {kind}");
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{path}: {value.ToJsonString()} is not one of {allowed.ToJsonString()}");
        }

        if (kind == JsonValueKind.String && schema["pattern"] is { } pattern && !Regex.IsMatch(value.GetValue<string>(), pattern.GetValue<string>(), RegexOptions.CultureInvariant))
        {
            errors.Add($"{path}: '{value}' does not match {pattern}");
        }

        if (kind == JsonValueKind.Number)
        {
            var number = value.GetValue<decimal>();
            if ((schema["minimum"] is { } min && number < min.GetValue<decimal>()) || (schema["maximum"] is { } max && number > max.GetValue<decimal>()))
            {
                errors.Add($"{path}: {number.ToString(CultureInfo.InvariantCulture)} is out of range");
            }
        }

        if (value is JsonObject obj)
        {
            CheckObject(obj, schema, path, errors);
        }

        if (value is JsonArray array && schema["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, $"{path}[{i}]", errors);
            }
        }
    }

    private void CheckObject(JsonObject value, JsonObject schema, string path, List<string> errors)
    {
        var properties = schema["properties"]?.AsObject();
        foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            if (!value.ContainsKey(required))
            {
                errors.Add($"{path}: required '{required}' is missing");
            }
        }

        foreach (var (name, member) in value)
        {
            if (properties?[name] is { } property)
            {
                Check(member, property, $"{path}.{name}", errors);
            }
            else if (schema["additionalProperties"] is { } additional)
            {
                if (additional.GetValueKind() == JsonValueKind.False)
                {
                    errors.Add($"{path}: '{name}' is not a property of the schema");
                }
                else if (additional.GetValueKind() == JsonValueKind.Object)
                {
                    Check(member, additional, $"{path}.{name}", errors);
                }
            }
            else if (properties is not null)
            {
                // Response schemas are open for forward compatibility, but an example must not invent members.
                errors.Add($"{path}: '{name}' is not a declared property");
            }
        }
    }
}
