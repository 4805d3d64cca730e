using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Loyalty.Functions.OpenApi;
using Loyalty.Functions.Tests.Support;
using Microsoft.OpenApi;

namespace Loyalty.Functions.Tests.Metadata;

/// <summary>
/// The generated OpenAPI document against the build's functions.metadata: it must describe exactly the HTTP functions
/// that exist, each with request and response examples that fit their schemas, every request number bounded.
/// </summary>
public sealed partial class OpenApiDocumentTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private static readonly Lazy<GeneratedDocument> Generated = new(OpenApiDocumentGenerator.Generate);

    /// <summary>The document as the code generates it (a copy: callers may change it).</summary>
    public static JsonObject ReadDocument() => Generated.Value.Document.DeepClone().AsObject();

    /// <summary>"GET v1/members/{}": parameter names and constraints do not matter, only the route's shape.</summary>
    private static string Shape(string method, string route) =>
        $"{method.ToUpperInvariant()} {RouteParameter().Replace(route.Trim('/'), "{}")}";

    /// <summary>The API's operations; the catch-all that answers unknown routes and the console's static files are not among them.</summary>
    private static Dictionary<string, string> FunctionOperations() =>
        FunctionMetadataTests.ReadMetadata()
            .Where(f => !OpenApiDocumentGenerator.OutsideTheApi.Contains(f!["name"]!.GetValue<string>()))
            .SelectMany(f => f!["bindings"]!.AsArray()
                .Where(b => b!["type"]!.GetValue<string>() == "httpTrigger")
                .SelectMany(b => b!["methods"]!.AsArray().Select(m => (
                    Shape: Shape(m!.GetValue<string>(), b["route"]!.GetValue<string>()),
                    Label: $"{m.GetValue<string>().ToUpperInvariant()} {b["route"]} ({f["name"]})"))))
            .ToDictionary(o => o.Shape, o => o.Label);

    public static IEnumerable<(string Label, JsonObject Operation)> DocumentOperations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(o => Methods.Contains(o.Key))
            .Select(o => ($"{o.Key.ToUpperInvariant()} {path.Key}", o.Value!.AsObject())));

    /// <summary>Adding a route takes its function and one entry in api-description.json; this names what is missing or stale.</summary>
    [Fact]
    public void The_hand_kept_description_covers_every_route_and_names_only_what_exists()
    {
        Assert.True(Generated.Value.Problems.Count == 0, $"api-description.json is incomplete or stale:\n  {string.Join("\n  ", Generated.Value.Problems)}");
    }

    [Fact]
    public void Every_http_function_is_in_the_document()
    {
        var documented = DocumentOperations(ReadDocument()).Select(o => Shape(o.Label.Split(' ')[0], o.Label.Split(' ')[1])).ToHashSet();

        var missing = FunctionOperations().Where(f => !documented.Contains(f.Key)).Select(f => f.Value).Order().ToList();

        Assert.True(missing.Count == 0, $"The document does not describe these HTTP functions (add an entry with examples to api-description.json):\n  {string.Join("\n  ", missing)}");
    }

    [Fact]
    public void Every_documented_operation_exists_as_a_function()
    {
        var functions = FunctionOperations();

        var extra = DocumentOperations(ReadDocument()).Select(o => o.Label)
            .Where(label => !functions.ContainsKey(Shape(label.Split(' ')[0], label.Split(' ')[1]))).Order().ToList();

        Assert.True(extra.Count == 0, $"The document describes operations no function serves:\n  {string.Join("\n  ", extra)}");
    }

    [Fact]
    public void Every_operation_has_request_and_response_examples()
    {
        var problems = new List<string>();
        foreach (var (label, operation) in DocumentOperations(ReadDocument()))
        {
            foreach (var (name, media) in operation["requestBody"]?["content"]?.AsObject() ?? [])
            {
                if (!HasExample(media!))
                {
                    problems.Add($"{label}: request body {name} has no example");
                }
            }

            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                if (parameter!["example"] is null)
                {
                    problems.Add($"{label}: parameter {parameter["name"]} has no example");
                }
            }

            var responses = operation["responses"]?.AsObject() ?? [];
            if (!responses.Any(r => r.Key.StartsWith('2') && (r.Value!["content"] is null || r.Value["content"]!.AsObject().All(m => HasExample(m.Value!)))))
            {
                problems.Add($"{label}: no success response with an example");
            }

            foreach (var (status, response) in responses)
            {
                var content = response!["content"]?.AsObject();
                if (status.StartsWith('4') && content?["application/problem+json"] is null)
                {
                    problems.Add($"{label}: {status} is not an application/problem+json response");
                }

                foreach (var (name, media) in content ?? [])
                {
                    if (!HasExample(media!))
                    {
                        problems.Add($"{label}: response {status} {name} has no example");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_example_fits_its_schema()
    {
        var document = ReadDocument();
        var validator = new ExampleValidator(document);
        var errors = new List<string>();
        foreach (var (label, operation) in DocumentOperations(document))
        {
            var media = (operation["requestBody"]?["content"]?.AsObject() ?? []).Select(m => ($"{label} request", m.Value!))
                .Concat((operation["responses"]?.AsObject() ?? []).SelectMany(r => (r.Value!["content"]?.AsObject() ?? []).Select(m => ($"{label} {r.Key}", m.Value!))));
            foreach (var (where, content) in media)
            {
                foreach (var (name, example) in Examples(content))
                {
                    errors.AddRange(validator.Validate(example, content["schema"]!, $"{where} {name}"));
                }
            }

            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                errors.AddRange(validator.Validate(parameter!["example"], parameter["schema"]!, $"{label} parameter {parameter["name"]}"));
            }
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Problem_examples_carry_the_status_of_their_response_and_a_stable_type()
    {
        var mismatches = DocumentOperations(ReadDocument())
            .SelectMany(o => (o.Operation["responses"]?.AsObject() ?? []).Select(r => (o.Label, Status: r.Key, Content: r.Value!["content"]?["application/problem+json"])))
            .Where(r => r.Content is not null)
            .SelectMany(r => Examples(r.Content!).Select(e => (r.Label, r.Status, Example: e.Value!)))
            .Where(e => e.Example["status"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture) != e.Status
                || e.Example["type"]!.GetValue<string>() != $"urn:loyalty:problem:{e.Example["code"]}")
            .Select(e => $"{e.Label} {e.Status}: {e.Example.ToJsonString()}")
            .ToList();

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void Only_the_document_itself_is_callable_without_a_tenant_key_and_both_keys_are_declared()
    {
        var document = ReadDocument();
        var schemes = document["components"]!["securitySchemes"]!.AsObject();

        var open = DocumentOperations(document).Where(o => o.Operation["security"]!.AsArray().Count == 0).Select(o => o.Label);
        var withoutFunctionKey = DocumentOperations(document)
            .Where(o => o.Operation["security"]!.AsArray().Count > 0
                && o.Operation["security"]!.AsArray().Any(requirement => !requirement!.AsObject().Any(s => s.Key.StartsWith("functionKey", StringComparison.Ordinal))))
            .Select(o => o.Label);

        Assert.Equal(["GET /openapi.json"], open);
        Assert.Empty(withoutFunctionKey);
        Assert.Equal(("header", "X-Api-Key"), (schemes["apiKey"]!["in"]!.GetValue<string>(), schemes["apiKey"]!["name"]!.GetValue<string>()));
        Assert.Equal(("header", "x-functions-key"), (schemes["functionKey"]!["in"]!.GetValue<string>(), schemes["functionKey"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void The_document_is_valid_openapi()
    {
        var result = OpenApiDocument.Parse(ReadDocument().ToJsonString(), "json");

        var errors = (result.Diagnostic?.Errors ?? []).Concat(result.Document?.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []).ToList();

        Assert.NotNull(result.Document);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Pointer}: {e.Message}")));
    }

    [Fact]
    public void Every_number_in_every_request_has_the_bounds_the_validators_check()
    {
        var documented = RequestNumbers(ReadDocument());
        var catalog = RequestBounds.All.ToDictionary(b => $"{b.SchemaName}.{b.Property}");

        var unbounded = documented.Where(n => !catalog.ContainsKey(n.Key)).Select(n => $"{n.Key}: {n.Value.ToJsonString()}").Order().ToList();
        var drifted = catalog.Where(c => !documented.TryGetValue(c.Key, out var node) || !Matches(node, c.Value)).Select(c => c.Key).Order().ToList();

        Assert.True(unbounded.Count == 0, $"Request numbers with no bound in RequestBounds (add one the validator checks):\n  {string.Join("\n  ", unbounded)}");
        Assert.True(drifted.Count == 0, $"The document does not show these bounds as RequestBounds defines them:\n  {string.Join("\n  ", drifted)}");
    }

    [Fact]
    public void Every_text_in_every_request_has_the_length_the_api_enforces()
    {
        var documented = RequestTexts(ReadDocument());
        var catalog = RequestBounds.Texts.ToDictionary(b => $"{b.SchemaName}.{b.Property}");

        var unbounded = documented.Where(n => !catalog.ContainsKey(n.Key)).Select(n => n.Key).Order().ToList();
        var drifted = catalog.Where(c => !documented.TryGetValue(c.Key, out var node)
                || node["maxLength"]?.GetValue<int>() != c.Value.Bound.MaxLength
                || node["pattern"]?.GetValue<string>() != c.Value.Bound.Pattern)
            .Select(c => c.Key).Order().ToList();

        Assert.True(unbounded.Count == 0, $"Request texts with no bound in RequestBounds.Texts (add the length the field's validator allows):\n  {string.Join("\n  ", unbounded)}");
        Assert.True(drifted.Count == 0, $"The document does not show these texts as RequestBounds.Texts defines them:\n  {string.Join("\n  ", drifted)}");
    }

    /// <summary>Every number and list in a request schema, keyed as in <see cref="RequestBounds"/> (<c>Schema.prop</c>, <c>prop[]</c>, <c>prop{}</c>).</summary>
    public static Dictionary<string, JsonObject> RequestNumbers(JsonObject document) =>
        RequestProperties(document, (value, suffix) => value["type"]?.GetValue<string>() is "integer" or "number" || (suffix.Length == 0 && value["type"]?.GetValue<string>() == "array" && value["maxItems"] is not null));

    /// <summary>Every free text in a request schema (a string that is no enum and no date or time), keyed as in <see cref="RequestBounds.Texts"/>.</summary>
    public static Dictionary<string, JsonObject> RequestTexts(JsonObject document) =>
        RequestProperties(document, (value, _) => value["type"]?.GetValue<string>() == "string" && value["enum"] is null && value["format"] is null);

    private static Dictionary<string, JsonObject> RequestProperties(JsonObject document, Func<JsonObject, string, bool> select)
    {
        var schemas = document["components"]!["schemas"]!.AsObject();
        var pending = new Queue<string>(DocumentOperations(document)
            .SelectMany(o => o.Operation["requestBody"]?["content"]?.AsObject() ?? [])
            .Select(m => SchemaName(m.Value!["schema"]!)).OfType<string>());
        var seen = new HashSet<string>();
        var numbers = new Dictionary<string, JsonObject>();
        while (pending.TryDequeue(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            foreach (var (property, node) in schemas[name]!["properties"]?.AsObject() ?? [])
            {
                foreach (var (suffix, part) in new[] { (string.Empty, node), ("[]", node!["items"]), ("{}", node!["additionalProperties"] as JsonObject) })
                {
                    if (part is not JsonObject value)
                    {
                        continue;
                    }

                    if (SchemaName(value) is { } child)
                    {
                        pending.Enqueue(child);
                    }
                    else if (select(value, suffix))
                    {
                        numbers[$"{name}.{property}{suffix}"] = value;
                    }
                }
            }
        }

        return numbers;
    }

    private static string? SchemaName(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? reference[(reference.LastIndexOf('/') + 1)..] : null;

    private static bool Matches(JsonObject node, SchemaBound expected)
    {
        var bound = expected.Bound;
        if (node["type"]?.GetValue<string>() == "array")
        {
            return Value(node, "maxItems") == bound.Maximum && (Value(node, "minItems") ?? 0) == bound.Minimum;
        }

        return Value(node, "minimum") == bound.Minimum && Value(node, "maximum") == bound.Maximum
            && (node["exclusiveMinimum"]?.GetValue<bool>() ?? false) == bound.ExclusiveMinimum
            && (node["exclusiveMaximum"]?.GetValue<bool>() ?? false) == bound.ExclusiveMaximum;
    }

    private static decimal? Value(JsonObject node, string keyword) => node[keyword]?.GetValue<decimal>();

    private static bool HasExample(JsonNode media) => media["example"] is not null || media["examples"]?.AsObject().Count > 0;

    private static IEnumerable<(string Name, JsonNode? Value)> Examples(JsonNode media) =>
        media["examples"] is JsonObject named
            ? named.Select(e => (e.Key, e.Value!["value"]))
            : media["example"] is { } single ? [("example", single)] : [];

    [GeneratedRegex(@"\{[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex RouteParameter();
}
