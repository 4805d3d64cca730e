using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Http;

/// <summary>
/// A request under the route prefix that no other function takes: an unknown path answers 404 <c>route-not-found</c>,
/// a known path with another method 405 <c>method-not-allowed</c> with an Allow header, both as problem+json.
/// </summary>
public sealed class UnmatchedRouteFunctions
{
    /// <summary>
    /// The Functions host tries the routes in the order of the functions' names (case-insensitive) and takes the first
    /// that matches, path and method; it has no route precedence. So this catch-all must sort after every other HTTP
    /// function, or it would answer their requests; FunctionMetadataTests holds it to that.
    /// </summary>
    public const string Name = "ZzUnmatchedRoute";

    private static readonly HttpRouteTable Routes = HttpRouteTable.Discover(typeof(UnmatchedRouteFunctions).Assembly, except: Name);

    // The methods are listed, not left out: the host allows any method only when the metadata has no list, and the
    // worker's source-generated metadata turns an omitted params list into an empty one, which would allow none.
    [Function(Name)]
    public static IActionResult Answer(
        [HttpTrigger(AuthorizationLevel.Function, "get", "post", "put", "patch", "delete", "head", "options", Route = "{*path}")] HttpRequest req, string? path)
    {
        ArgumentNullException.ThrowIfNull(req);
        var allowed = Routes.MethodsFor(path ?? string.Empty);
        return allowed.Count == 0 || allowed.Contains(req.Method, StringComparer.OrdinalIgnoreCase)
            ? RouteProblems.NotFound(req)
            : RouteProblems.MethodNotAllowed(req, allowed);
    }
}
