using System.Text;
using Loyalty.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Loyalty.Functions.Webhooks;

/// <summary>A push's raw body, read as text up to <see cref="MaxBytes"/>: a larger one is refused before it is buffered.</summary>
public static class WebhookBody
{
    /// <summary>WeChat pushes and JSON events are a few hundred bytes; 64 KiB leaves room and bounds the work of a hostile sender.</summary>
    public const int MaxBytes = 64 * 1024;

    public static async Task<Result<string>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return TooLarge();
        }

        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > MaxBytes ? TooLarge() : Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static Error TooLarge() => Error.BadRequest("body-too-large", $"A webhook body may be at most {MaxBytes} bytes.");
}
