using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Loyalty.Core.Common;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.OpenApi;

/// <summary>The generated API description, and what kept it from being complete (an HTTP function with no description entry, an unknown type...).</summary>
public sealed record GeneratedDocument(JsonObject Document, IReadOnlyList<string> Problems);

/// <summary>
/// Builds the OpenAPI document from the code: paths and methods from the HTTP functions' trigger attributes (what
/// functions.metadata holds), security from their auth level, schemas from the request and response types, bounds
/// from <see cref="RequestBounds"/>. Only the prose, the examples, the key scopes and which types an operation reads and
/// writes are kept by hand, in <c>api-description.json</c>, one entry per operation keyed by the function's name.
/// </summary>
public static partial class OpenApiDocumentGenerator
{
    public const string DescriptionResource = "Loyalty.Functions.OpenApi.api-description.json";

    private static readonly ApiKeyScope[] LimitedScopes = [ApiKeyScope.Pos, ApiKeyScope.Storefront];

    public static GeneratedDocument Generate() =>
        Generate(ReadDescription(), HttpFunction.Discover(typeof(OpenApiDocumentGenerator).Assembly).Where(f => f.Name != UnmatchedRouteFunctions.Name));

    public static GeneratedDocument Generate(JsonObject description, IEnumerable<HttpFunction> functions)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(functions);
        return new Builder(description).Build(functions);
    }

    public static JsonObject ReadDescription()
    {
        using var stream = typeof(OpenApiDocumentGenerator).Assembly.GetManifestResourceStream(DescriptionResource)
            ?? throw new InvalidOperationException($"The embedded resource {DescriptionResource} is missing from the build.");
        return JsonNode.Parse(stream)!.AsObject();
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z0-9_]+)(:[^}]*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex RouteParameter();

    private sealed class Builder(JsonObject description)
    {
        private static readonly Lazy<ILookup<string, Type>> ApiTypes = new(() =>
            new[] { typeof(OpenApiDocumentGenerator).Assembly, typeof(Error).Assembly }
                .SelectMany(a => a.GetTypes())
                .Where(t => t.IsPublic || t.IsNestedPublic)
                .ToLookup(t => t.Name, StringComparer.Ordinal));

        private readonly ComponentSchemas _schemas = new();
        private readonly List<string> _problems = [];
        private readonly JsonObject _operations = description["operations"]?.AsObject() ?? [];
        private readonly JsonObject _pathParameters = description["pathParameters"]?.AsObject() ?? [];

        public GeneratedDocument Build(IEnumerable<HttpFunction> functions)
        {
            var paths = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            var described = new HashSet<string>(StringComparer.Ordinal);
            foreach (var function in functions.OrderBy(f => f.Route, StringComparer.Ordinal))
            {
                if (_operations[function.Name] is not JsonObject entry)
                {
                    _problems.Add($"{string.Join(',', function.Methods)} {function.Route} ({function.Name}) has no entry under \"operations\" in api-description.json");
                    continue;
                }

                described.Add(function.Name);
                var path = "/" + RouteParameter().Replace(function.Route, m => $"{{{m.Groups["name"].Value}}}");
                var item = paths.TryGetValue(path, out var existing) ? existing : paths[path] = [];
                foreach (var method in function.Methods)
                {
                    item[method.ToLowerInvariant()] = Operation(function, path, entry);
                }
            }

            _problems.AddRange(_operations.Where(o => !described.Contains(o.Key)).Select(o => $"api-description.json describes {o.Key}, which is no HTTP function"));
            _schemas.SchemaFor(typeof(Problem));
            var components = _schemas.Build(RequestBounds.All, RequestBounds.Texts);
            Describe(components);
            var document = new JsonObject
            {
                ["openapi"] = description["openapi"]?.DeepClone(),
                ["info"] = description["info"]?.DeepClone(),
                ["servers"] = description["servers"]?.DeepClone(),
                ["tags"] = description["tags"]?.DeepClone(),
                ["paths"] = new JsonObject([.. paths.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
                ["components"] = new JsonObject
                {
                    ["schemas"] = components,
                    ["securitySchemes"] = description["securitySchemes"]?.DeepClone(),
                },
            };
            return new GeneratedDocument(document, _problems);
        }

        private JsonObject Operation(HttpFunction function, string path, JsonObject entry)
        {
            var label = $"{function.Name} ({string.Join(',', function.Methods)} {function.Route})";
            var operation = new JsonObject { ["operationId"] = function.Name };
            foreach (var text in new[] { "summary", "description" })
            {
                if (entry[text] is { } value)
                {
                    operation[text] = value.DeepClone();
                }
                else if (text == "summary")
                {
                    _problems.Add($"{label}: no summary");
                }
            }

            var tag = entry["tag"]?.GetValue<string>();
            if (tag is null || description["tags"]?.AsArray().Any(t => t?["name"]?.GetValue<string>() == tag) != true)
            {
                _problems.Add($"{label}: tag '{tag}' is not one of the document's tags");
            }

            operation["tags"] = new JsonArray(tag);
            var auth = function.AuthLevel == AuthorizationLevel.Anonymous ? "none" : entry["auth"]?.GetValue<string>() ?? "apiKey";
            operation["security"] = Security(auth);
            var scopes = Scopes(entry, auth, label);
            if (scopes is not null)
            {
                operation["x-api-key-scopes"] = new JsonArray([.. scopes.Append(ApiKeyScope.Admin).Distinct().Select(s => JsonValue.Create(Name(s)))]);
            }

            var parameters = Parameters(function, entry, label);
            if (parameters.Count > 0)
            {
                operation["parameters"] = parameters;
            }

            if (entry["request"] is JsonObject request)
            {
                var body = new JsonObject { ["required"] = request["required"]?.GetValue<bool>() ?? true };
                if (request["description"] is { } text)
                {
                    body["description"] = text.DeepClone();
                }

                body["content"] = Content(request, $"{label} request");
                operation["requestBody"] = body;
            }

            operation["responses"] = Responses(entry, auth, scopes, Standard400(entry, parameters), Instance(path, parameters), label);
            return operation;
        }

        private static JsonArray Security(string auth)
        {
            if (auth == "none")
            {
                return [];
            }

            JsonObject Requirement(string functionKey) => auth switch
            {
                "signature" => new JsonObject { [functionKey] = new JsonArray() },
                "bootstrapSecret" => new JsonObject { [functionKey] = new JsonArray(), ["bootstrapSecret"] = new JsonArray() },
                _ => new JsonObject { [functionKey] = new JsonArray(), ["apiKey"] = new JsonArray() },
            };

            return [Requirement("functionKey"), Requirement("functionKeyQuery")];
        }

        private List<ApiKeyScope>? Scopes(JsonObject entry, string auth, string label)
        {
            if (auth != "apiKey")
            {
                return null;
            }

            if (entry["scopes"] is not JsonArray names)
            {
                _problems.Add($"{label}: no \"scopes\" (the key scopes that may call it besides admin)");
                return [];
            }

            var scopes = new List<ApiKeyScope>();
            foreach (var name in names.Select(n => n!.GetValue<string>()))
            {
                if (Enum.TryParse<ApiKeyScope>(name, ignoreCase: true, out var scope))
                {
                    scopes.Add(scope);
                }
                else
                {
                    _problems.Add($"{label}: scope '{name}' is not a key scope");
                }
            }

            return scopes;
        }

        private JsonArray Parameters(HttpFunction function, JsonObject entry, string label)
        {
            var listed = entry["parameters"]?.AsArray() ?? [];
            var parameters = new JsonArray();
            foreach (Match match in RouteParameter().Matches(function.Route))
            {
                var name = match.Groups["name"].Value;
                if (listed.FirstOrDefault(p => p?["in"]?.GetValue<string>() == "path" && p["name"]?.GetValue<string>() == name) is { } own)
                {
                    parameters.Add(own.DeepClone());
                }
                else if (_pathParameters[name] is JsonObject shared)
                {
                    var parameter = new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true };
                    foreach (var (key, value) in shared)
                    {
                        parameter[key] = value?.DeepClone();
                    }

                    parameters.Add(parameter);
                }
                else
                {
                    _problems.Add($"{label}: path parameter {name} is described neither under \"pathParameters\" nor in the operation");
                }
            }

            foreach (var parameter in listed.Where(p => p?["in"]?.GetValue<string>() != "path"))
            {
                parameters.Add(parameter!.DeepClone());
            }

            return parameters;
        }

        /// <summary>What every operation with a JSON body or a required Idempotency-Key answers with 400, as the API words it.</summary>
        private static List<(string Name, Error Error, string? Summary)> Standard400(JsonObject entry, JsonArray parameters)
        {
            var problems = new List<(string, Error, string?)>();
            var body = entry["request"];
            if (body is not null && (body["content"] is null || body["content"]?["application/json"] is not null))
            {
                problems.Add(("invalidJson", RequestBody.InvalidJson(null), null));
            }

            if (parameters.Any(p => p?["in"]?.GetValue<string>() == "header" && p["name"]?.GetValue<string>() == Headers.IdempotencyKey && p["required"]?.GetValue<bool>() == true))
            {
                problems.Add(("idempotencyKeyRequired", Headers.IdempotencyKeyRequired, null));
            }

            return problems;
        }

        private JsonObject Responses(JsonObject entry, string auth, List<ApiKeyScope>? scopes, List<(string Name, Error Error, string? Summary)> standard400, string instance, string label)
        {
            var responses = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
            foreach (var (status, node) in entry["responses"]?.AsObject() ?? [])
            {
                var given = node!.AsObject();
                var response = new JsonObject { ["description"] = given["description"]?.DeepClone() ?? status };
                if (given["headers"] is { } headers)
                {
                    response["headers"] = headers.DeepClone();
                }

                if (given["problems"] is JsonObject problems)
                {
                    var listed = problems.Select(p => (p.Key, ToError(status, p.Value!.AsObject(), $"{label} {status} {p.Key}"), p.Value!["summary"]?.GetValue<string>())).ToList();
                    var added = status == "400" ? standard400.Where(s => listed.All(l => l.Item2.Code != s.Error.Code)) : [];
                    response["content"] = ProblemContent([.. added, .. listed], instance);
                }
                else if (given["type"] is not null || given["schema"] is not null || given["content"] is not null)
                {
                    response["content"] = Content(given, $"{label} {status}");
                }

                responses[status] = response;
            }

            if (!responses.Keys.Any(s => s.StartsWith('2')))
            {
                _problems.Add($"{label}: no success response");
            }

            if (standard400.Count > 0 && !responses.ContainsKey("400"))
            {
                responses["400"] = new JsonObject
                {
                    ["description"] = "The body is not JSON of the request's shape, or a required header is missing.",
                    ["content"] = ProblemContent(standard400, instance),
                };
            }

            if (auth == "apiKey" && !responses.ContainsKey("401"))
            {
                responses["401"] = new JsonObject
                {
                    ["description"] = "No API key, or an unknown or revoked one.",
                    ["content"] = ProblemContent([("missing", ApiAuthenticator.KeyRequired, null), ("invalid", ApiAuthenticator.KeyInvalid, null)], instance),
                };
            }

            var refused = scopes is null ? [] : LimitedScopes.Except(scopes).ToList();
            if (refused.Count > 0 && !responses.ContainsKey("403"))
            {
                responses["403"] = new JsonObject
                {
                    ["description"] = $"The key's scope may not call this operation (it needs one of: {string.Join(", ", scopes!.Append(ApiKeyScope.Admin).Distinct().Select(Name))}).",
                    ["content"] = ProblemContent([("wrongScope", ApiAuthenticator.ScopeNotAllowed(refused[0], scopes!), null)], instance),
                };
            }

            return new JsonObject([.. responses.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value))]);
        }

        /// <summary>A hand-kept problem (<c>code</c>, <c>detail</c>, optional <c>errors</c>) as the error the API answers it with.</summary>
        private Error ToError(string status, JsonObject problem, string where)
        {
            var fields = problem["errors"]?.Deserialize<List<FieldError>>(LoyaltyJson.Options);
            var kind = status switch
            {
                "400" => ErrorKind.BadRequest,
                "401" => ErrorKind.Unauthorized,
                "403" => ErrorKind.Forbidden,
                "404" => ErrorKind.NotFound,
                "409" => ErrorKind.Conflict,
                "422" => fields is null ? ErrorKind.BusinessRule : ErrorKind.Validation,
                "429" => ErrorKind.TooManyRequests,
                _ => (ErrorKind?)null,
            };
            if (kind is null || problem["code"] is null || problem["detail"] is null)
            {
                _problems.Add($"{where}: a problem needs a code and a detail under a 4xx status the API answers");
                kind ??= ErrorKind.BadRequest;
            }

            return new Error(kind.Value, problem["code"]?.GetValue<string>() ?? string.Empty, problem["detail"]?.GetValue<string>() ?? string.Empty, fields)
            {
                RetryAt = problem["nextAllowedAt"]?.GetValue<DateTimeOffset>(),
            };
        }

        private static JsonObject ProblemContent(IEnumerable<(string Name, Error Error, string? Summary)> problems, string instance)
        {
            var examples = new JsonObject();
            foreach (var (name, error, summary) in problems)
            {
                examples[name] = new JsonObject
                {
                    ["summary"] = summary ?? error.Code,
                    ["value"] = JsonSerializer.SerializeToNode(Problem.From(error, instance), LoyaltyJson.Options),
                };
            }

            return new JsonObject
            {
                [Problem.ContentType] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Problem" }, ["examples"] = examples },
            };
        }

        /// <summary>The media types of a request or response: <c>type</c> (a C# type's name) or <c>schema</c> with its examples for JSON, or a <c>content</c> map.</summary>
        private JsonObject Content(JsonObject given, string where)
        {
            if (given["content"] is JsonObject media)
            {
                return new JsonObject([.. media.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)Media(m.Value!.AsObject(), $"{where} {m.Key}")))]);
            }

            return new JsonObject { ["application/json"] = Media(given, where) };
        }

        private JsonObject Media(JsonObject given, string where)
        {
            var media = new JsonObject();
            if (given["type"]?.GetValue<string>() is { } typeName)
            {
                var candidates = ApiTypes.Value[typeName].ToList();
                if (candidates.Count == 1)
                {
                    media["schema"] = _schemas.SchemaFor(candidates[0]);
                }
                else
                {
                    _problems.Add(candidates.Count == 0
                        ? $"{where}: type {typeName} is no public type of Loyalty.Core or Loyalty.Functions"
                        : $"{where}: type {typeName} is ambiguous ({string.Join(", ", candidates.Select(c => c.FullName))})");
                }
            }
            else if (given["schema"] is { } schema)
            {
                media["schema"] = schema.DeepClone();
            }
            else
            {
                _problems.Add($"{where}: neither \"type\" nor \"schema\"");
            }

            foreach (var key in new[] { "example", "examples" })
            {
                if (given[key] is { } example)
                {
                    media[key] = example.DeepClone();
                }
            }

            return media;
        }

        /// <summary>Hand-kept prose on the generated schemas; one naming a schema or property that does not exist is reported.</summary>
        private void Describe(JsonObject components)
        {
            foreach (var (name, node) in description["schemas"]?.AsObject() ?? [])
            {
                if (components[name] is not JsonObject schema)
                {
                    _problems.Add($"api-description.json describes schema {name}, which the API does not use");
                    continue;
                }

                if (node!["description"] is { } text)
                {
                    schema["description"] = text.DeepClone();
                }

                foreach (var (property, prose) in node["properties"]?.AsObject() ?? [])
                {
                    if (schema["properties"]?[property] is JsonObject target)
                    {
                        target["description"] = prose!.DeepClone();
                    }
                    else
                    {
                        _problems.Add($"api-description.json describes {name}.{property}, which {name} does not have");
                    }
                }
            }
        }

        /// <summary>The request path a problem example names: the route with the path parameters' examples put in.</summary>
        private static string Instance(string path, JsonArray parameters) =>
            "/api" + RouteParameter().Replace(path, m =>
                parameters.FirstOrDefault(p => p?["in"]?.GetValue<string>() == "path" && p["name"]?.GetValue<string>() == m.Groups["name"].Value)?["example"]?.ToString() ?? m.Value);

        private static string Name(ApiKeyScope scope) => scope.ToString().ToLowerInvariant();
    }
}
