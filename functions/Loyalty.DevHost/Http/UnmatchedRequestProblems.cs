using Loyalty.DevHost.Discovery;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Loyalty.DevHost.Http;

/// <summary>
/// A request no function endpoint took (an unknown path anywhere, or a method no endpoint of the path accepts, which
/// routing answers with a bare 404 or 405) gets the app's problem document instead. Under the route prefix the app's
/// own catch-all function usually answers first, as it does in the Functions host.
/// </summary>
public static class UnmatchedRequestProblems
{
    public static IApplicationBuilder UseProblemsForUnmatchedRequests(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (http, next) =>
        {
            await next(http);
            if (http.Response.HasStarted || http.GetEndpoint()?.Metadata.GetMetadata<FunctionDescriptor>() is not null)
            {
                return;
            }

            var answer = http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => RouteProblems.NotFound(http.Request),
                StatusCodes.Status405MethodNotAllowed => RouteProblems.MethodNotAllowed(http.Request, [.. http.Response.Headers.Allow.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]),
                _ => null,
            };
            if (answer is not null)
            {
                await HttpResultWriter.WriteAsync(http, answer);
            }
        });
    }
}
