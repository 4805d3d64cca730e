using System.Text.Json;
using Loyalty.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Loyalty.Functions.Http;

/// <summary>Reads a JSON request body. Anything unreadable becomes a 400 naming the JSON path, never an exception.</summary>
public static class RequestBody
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

        try
        {
            using var buffer = new MemoryStream();
            await CopyLimitedAsync(request.Body, buffer, cancellationToken);
            if (buffer.Length == 0)
            {
                return Error.BadRequest("body-required", "A JSON body is required.");
            }

            buffer.Position = 0;
            var value = await JsonSerializer.DeserializeAsync<T>(buffer, LoyaltyJson.Options, cancellationToken);
            return value is null ? Error.BadRequest("body-required", "A JSON object is required, not null.") : value;
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? null : ex.Path.TrimStart('$', '.');
            return Error.BadRequest("invalid-json", field is null ? "The body is not valid JSON for this request." : $"The body is not valid JSON for this request at '{field}'.", field);
        }
        catch (BodyTooLargeException)
        {
            return Error.BadRequest("body-too-large", $"The body may be at most {MaxBytes} bytes.");
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
}
