using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Loyalty.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Loyalty.Functions.Http;

/// <summary>Reads a JSON request body. Anything unreadable becomes a 400 naming the JSON path, never an exception.</summary>
public static partial class RequestBody
{
    public const int MaxBytes = 1024 * 1024;

    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is { Length: > 0 } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return Error.BadRequest("unsupported-content-type", $"Send the body as application/json, not '{contentType}'.");
        }

        if (request.ContentLength > MaxBytes)
        {
            return Error.BadRequest("body-too-large", $"The body may be at most {MaxBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        try
        {
            await CopyLimitedAsync(request.Body, buffer, cancellationToken);
            if (buffer.Length == 0)
            {
                return Error.BadRequest("body-required", "A JSON body is required.");
            }

            buffer.Position = 0;
            var value = await JsonSerializer.DeserializeAsync<T>(buffer, LoyaltyJson.Options, cancellationToken);
            if (value is null)
            {
                return Error.BadRequest("body-required", "A JSON object is required, not null.");
            }

            var texts = RequestTexts.Check(value);
            return texts.Count > 0 ? Error.Validation(texts) : value;
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? null : ex.Path.TrimStart('$', '.');
            if (field is not null && IsNumeric(TypeAt(typeof(T), ex.Path!)) && IsNumberAt(buffer, ex.Path!))
            {
                // Well-formed JSON, just a number the field cannot hold (beyond 64 bits, or a fraction where a whole number goes).
                return Error.Validation(field, "range", $"{field} is a number this field cannot hold: it takes a whole number where it is an integer, within the minimum and maximum the API description gives.");
            }

            return InvalidJson(field);
        }
        catch (BodyTooLargeException)
        {
            return Error.BadRequest("body-too-large", $"The body may be at most {MaxBytes} bytes.");
        }
    }

    /// <param name="field">Where the body stops fitting the request's type, when the reader can tell.</param>
    public static Error InvalidJson(string? field) =>
        Error.BadRequest("invalid-json", field is null ? "The body is not valid JSON for this request." : $"The body is not valid JSON for this request at '{field}'.", field);

    /// <summary>The .NET type a JSON path (<c>$.a.b[2].c</c>) deserializes into, following properties, list items and map values.</summary>
    private static Type? TypeAt(Type root, string path)
    {
        Type? type = root;
        foreach (Match step in PathStep().Matches(path))
        {
            type = Nullable.GetUnderlyingType(type!) ?? type;
            var generic = type!.IsGenericType ? type.GetGenericArguments() : [];
            type = step.Groups["index"].Success
                ? type.IsArray ? type.GetElementType() : generic.Length == 1 ? generic[0] : null
                : generic.Length == 2
                    ? generic[1]
                    : type.GetProperties().FirstOrDefault(p => string.Equals(JsonNamingPolicy.CamelCase.ConvertName(p.Name), step.Groups["name"].Value, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            if (type is null)
            {
                return null;
            }
        }

        return type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
    }

    private static bool IsNumeric(Type? type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double) || type == typeof(short);

    /// <summary>True when the body is valid JSON and the value at <paramref name="path"/> (<c>$.a.b[2].c</c>) is a number.</summary>
    private static bool IsNumberAt(MemoryStream body, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = LoyaltyJson.Options.MaxDepth });
            var element = document.RootElement;
            foreach (Match step in PathStep().Matches(path))
            {
                if (step.Groups["name"].Success && element.ValueKind == JsonValueKind.Object && element.TryGetProperty(step.Groups["name"].Value, out var member))
                {
                    element = member;
                }
                else if (step.Groups["index"].Success && element.ValueKind == JsonValueKind.Array && int.Parse(step.Groups["index"].Value, CultureInfo.InvariantCulture) < element.GetArrayLength())
                {
                    element = element[int.Parse(step.Groups["index"].Value, CultureInfo.InvariantCulture)];
                }
                else
                {
                    return false;
                }
            }

            return element.ValueKind == JsonValueKind.Number;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task CopyLimitedAsync(Stream source, MemoryStream target, CancellationToken cancellationToken)
    {
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (target.Length + read > MaxBytes)
            {
                throw new BodyTooLargeException();
            }

            await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }
    }

    private sealed class BodyTooLargeException : Exception;

    [GeneratedRegex(@"\.(?<name>[A-Za-z0-9_]+)|\[(?<index>[0-9]{1,6})\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathStep();
}
