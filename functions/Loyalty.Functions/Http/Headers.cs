using System.Text.RegularExpressions;
using Loyalty.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Loyalty.Functions.Http;

public static partial class Headers
{
    public const string IdempotencyKey = "Idempotency-Key";

    public static Error IdempotencyKeyRequired { get; } =
        Error.BadRequest("idempotency-key-required", $"Send an {IdempotencyKey} header so a retry cannot apply this twice.", IdempotencyKey);

    /// <summary>The Idempotency-Key header: required for writes that have no natural business id.</summary>
    public static Result<string> RequiredIdempotencyKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.Headers[IdempotencyKey].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return IdempotencyKeyRequired;
        }

        return KeyPattern().IsMatch(key)
            ? key
            : Error.BadRequest("idempotency-key-invalid", $"{IdempotencyKey} must be 1-200 printable ASCII characters.", IdempotencyKey);
    }

    /// <summary>The Idempotency-Key header when sent (a retry then replays the first result); otherwise a fresh key, making the request a new one.</summary>
    public static Result<string> OptionalIdempotencyKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.ContainsKey(IdempotencyKey) ? RequiredIdempotencyKey(request) : Guid.NewGuid().ToString("N");
    }

    [GeneratedRegex("^[\\x21-\\x7E]{1,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
