using Loyalty.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Loyalty.Functions.Http;

/// <summary>An RFC 7807 problem document. <c>type</c> and <c>code</c> are stable; <c>errors</c> names each field at fault and the rule it broke.</summary>
public sealed record Problem(string Type, string Title, int Status, string Detail, string Code, string? Instance, IReadOnlyList<FieldError>? Errors)
{
    public const string ContentType = "application/problem+json";

    /// <summary>The next time the request can succeed, for limits that reset (also sent as Retry-After).</summary>
    public DateTimeOffset? NextAllowedAt { get; init; }

    public static ApiResult Result(Error error, HttpRequest? request = null)
    {
        var problem = From(error, request?.Path.Value);
        var result = new ApiResult(problem.Status, problem, ContentType);
        if (error.RetryAt is { } retryAt && request is not null)
        {
            var clock = request.HttpContext.RequestServices?.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
            var seconds = Math.Max(1, (long)Math.Ceiling((retryAt - clock.GetUtcNow()).TotalSeconds));
            result.WithHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return result;
    }

    /// <summary>The problem document for <paramref name="error"/> at <paramref name="instance"/> (the request path); the API description's examples are built with it too.</summary>
    public static Problem From(Error error, string? instance)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Problem($"urn:loyalty:problem:{error.Code}", TitleFor(error.Kind), StatusFor(error), error.Message, error.Code, instance, error.Fields)
        {
            NextAllowedAt = error.RetryAt,
        };
    }

    private static int StatusFor(Error error) => error.Kind switch
    {
        ErrorKind.BadRequest => StatusCodes.Status400BadRequest,
        ErrorKind.Validation => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.BusinessRule => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string TitleFor(ErrorKind kind) => kind switch
    {
        ErrorKind.BadRequest => "Bad request",
        ErrorKind.Validation => "Validation failed",
        ErrorKind.BusinessRule => "Business rule violated",
        ErrorKind.NotFound => "Not found",
        ErrorKind.Conflict => "Conflict",
        ErrorKind.Forbidden => "Forbidden",
        ErrorKind.Unauthorized => "Unauthorized",
        ErrorKind.TooManyRequests => "Too many requests",
        ErrorKind.PreconditionFailed => "Precondition failed",
        ErrorKind.PreconditionRequired => "Precondition required",
        _ => "Bad request",
    };
}
