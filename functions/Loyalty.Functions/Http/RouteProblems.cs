using Loyalty.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Loyalty.Functions.Http;

/// <summary>The answers for a request no function takes: an unknown path (404) or a known path with another method (405).</summary>
public static class RouteProblems
{
    public static ApiResult NotFound(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Problem.Result(Error.NotFound("route-not-found", $"No route of this API matches {request.Method} {request.Path}."), request);
    }

    /// <param name="allowed">The methods the path does accept; also sent as the Allow header (RFC 9110 §15.5.6).</param>
    public static ApiResult MethodNotAllowed(HttpRequest request, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(allowed);
        var methods = string.Join(", ", allowed);
        var problem = new Problem(
            "urn:loyalty:problem:method-not-allowed",
            "Method not allowed",
            StatusCodes.Status405MethodNotAllowed,
            $"{request.Path} does not accept {request.Method}; it accepts {methods}.",
            "method-not-allowed",
            request.Path.Value,
            null);
        return new ApiResult(StatusCodes.Status405MethodNotAllowed, problem, Problem.ContentType).WithHeader("Allow", methods);
    }
}
