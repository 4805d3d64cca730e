using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Loyalty.Core.Common;

namespace Loyalty.Functions.OpenApi;

/// <summary>
/// The component schemas of the API description, exported from the real request and response types with the app's own
/// serializer options (<see cref="LoyaltyJson"/>), so property names, enums and closed objects are what the API reads and
/// writes. Every object type of this product becomes a named component referenced by <c>$ref</c>; the bounds come from
/// <see cref="RequestBounds"/>; the JSON Schema the exporter writes is expressed in OpenAPI 3.0's dialect.
/// </summary>
public sealed class ComponentSchemas
{
    private static readonly JsonSerializerOptions Options = LoyaltyJson.Options;

    private readonly SortedDictionary<string, JsonObject> _schemas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);
    private readonly Queue<Type> _pending = new();

    public IReadOnlyDictionary<string, Type> Types => _types;

    /// <summary>A schema for <paramref name="type"/>: a <c>$ref</c> to its component for a product type, inline otherwise.</summary>
    public JsonObject SchemaFor(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ComponentType(Options.GetTypeInfo(type)) is { } component ? Reference(component) : Export(type);
    }

    /// <summary>Exports every component referenced so far (and what they reference) and returns them by name.</summary>
    public JsonObject Build(IReadOnlyList<SchemaBound> bounds, IReadOnlyList<SchemaText> texts)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(texts);
        while (_pending.TryDequeue(out var type))
        {
            _schemas[NameOf(type)] = Export(type);
        }

        foreach (var bound in bounds)
        {
            Apply(bound);
        }

        foreach (var text in texts)
        {
            Apply(text);
        }

        var components = new JsonObject();
        foreach (var (name, schema) in _schemas)
        {
            components[name] = schema;
        }

        return components;
    }

    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.IsGenericType ? throw new InvalidOperationException($"{type} is generic: give the API a named type for it.") : type.Name;
    }

    /// <summary>The product's own objects and enums; collections, maps and primitives stay inline.</summary>
    /// <summary>The type named as a component (a nullable enum by its enum), or null for a type described inline.</summary>
    private static Type? ComponentType(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        return (info.Kind == JsonTypeInfoKind.Object || type.IsEnum) && type.Namespace?.StartsWith("Loyalty.", StringComparison.Ordinal) == true ? type : null;
    }

    private JsonObject Reference(Type type)
    {
        var name = NameOf(type);
        if (_types.TryGetValue(name, out var known))
        {
            if (known != type)
            {
                throw new InvalidOperationException($"Two API types are both named {name}: {known.FullName} and {type.FullName}.");
            }
        }
        else
        {
            _types[name] = type;
            _pending.Enqueue(type);
        }

        return new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };
    }

    private JsonObject Export(Type type)
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            // The root stays whole; every product type inside it becomes a reference to its own component.
            TransformSchemaNode = (context, node) => context.Path.Length > 0 && ComponentType(context.TypeInfo) is { } component ? Reference(component)
                : PatchValue(context.TypeInfo.Type) is { } value ? PatchSchema(value)
                : Refine(context.TypeInfo, node),
        };
        var schema = Options.GetJsonSchemaAsNode(type, exporter);
        return OpenApi30.Convert(schema, $"{type.Name} schema");
    }

    /// <summary>The value type of a <see cref="Patch{T}"/> field; null for any other type.</summary>
    private static Type? PatchValue(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Patch<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>A partial update's field reads as its value, which may be null (null clears it); its converter hides that from the exporter.</summary>
    private static JsonNode PatchSchema(Type value)
    {
        if (ComponentType(Options.GetTypeInfo(value)) is not null || PatchValue(value) is not null)
        {
            throw new InvalidOperationException($"Patch<{value.Name}>: only a patch of a plain value (text, number, date, flag) is described.");
        }

        var schema = Options.GetJsonSchemaAsNode(value, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = (c, n) => Refine(c.TypeInfo, n) });
        if (schema is JsonObject node && node["type"] is JsonValue type)
        {
            node["type"] = new JsonArray(type.GetValue<string>(), "null");
        }

        return schema;
    }

    /// <summary>
    /// Integers say their width (int32, int64). Only what is always there is required: the exporter lists every constructor parameter, but a null member is left
    /// out of what the API writes (<c>WhenWritingNull</c>), and a missing one is read as its default.
    /// </summary>
    private static JsonNode Refine(JsonTypeInfo info, JsonNode node)
    {
        var number = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (node is JsonObject integer && (number == typeof(int) || number == typeof(long)))
        {
            integer["format"] = number == typeof(int) ? "int32" : "int64";
        }

        if (info.Kind != JsonTypeInfoKind.Object || node is not JsonObject schema || schema["required"] is not JsonArray required)
        {
            return node;
        }

        var present = info.Properties
            .Where(p => !p.IsGetNullable && Nullable.GetUnderlyingType(p.PropertyType) is null)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        var kept = required.Select(r => r!.GetValue<string>()).Where(present.Contains).ToList();
        if (kept.Count == 0)
        {
            schema.Remove("required");
        }
        else
        {
            schema["required"] = new JsonArray([.. kept.Select(k => JsonValue.Create(k))]);
        }

        return schema;
    }

    private void Apply(SchemaBound bound)
    {
        if (Target(bound.Schema, bound.Property, "numbers") is not { } target)
        {
            return;
        }

        if (target["type"]?.GetValue<string>() == "array")
        {
            target["minItems"] = bound.Bound.Minimum;
            target["maxItems"] = bound.Bound.Maximum;
            return;
        }

        target["minimum"] = bound.Bound.Minimum;
        target["maximum"] = bound.Bound.Maximum;
        if (bound.Bound.ExclusiveMinimum)
        {
            target["exclusiveMinimum"] = true;
        }

        if (bound.Bound.ExclusiveMaximum)
        {
            target["exclusiveMaximum"] = true;
        }
    }

    private void Apply(SchemaText text)
    {
        if (Target(text.Schema, text.Property, "texts") is not { } target)
        {
            return;
        }

        if (target["type"]?.GetValue<string>() != "string")
        {
            throw new InvalidOperationException($"RequestBounds.Texts names {text.SchemaName}.{text.Property}, which is no text.");
        }

        target["maxLength"] = text.Bound.MaxLength;
        if (text.Bound.Pattern is { } pattern)
        {
            target["pattern"] = pattern;
        }
    }

    /// <summary>The schema node a bound is shown on: the property, its list items (<c>name[]</c>) or map values (<c>name{}</c>); null for a type no operation uses.</summary>
    private JsonObject? Target(Type type, string property, string what)
    {
        var name = NameOf(type);
        if (!_schemas.TryGetValue(name, out var schema))
        {
            return null;
        }

        var node = schema["properties"]?[property.TrimEnd('[', ']', '{', '}')] as JsonObject
            ?? throw new InvalidOperationException($"RequestBounds names {name}.{property}, which {name} does not have.");
        return (property.EndsWith("[]", StringComparison.Ordinal) ? node["items"] as JsonObject
            : property.EndsWith("{}", StringComparison.Ordinal) ? node["additionalProperties"] as JsonObject
            : node) ?? throw new InvalidOperationException($"{name}.{property} is not a list or map of {what}.");
    }
}
