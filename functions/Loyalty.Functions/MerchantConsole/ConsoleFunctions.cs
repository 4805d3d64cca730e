using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.MerchantConsole;

/// <summary>
/// The merchant console: static pages that call this same API with the key the user types in. Anonymous at the edge,
/// since a browser cannot send a function key when it opens a page; the files hold no tenant data, and every API call
/// the pages make carries the tenant key (and, in Azure, the function key the user gives).
/// The Functions host puts the route prefix (host.json, default <c>api</c>) before every HTTP route, so the console is
/// at <c>/api/console/</c>.
/// </summary>
public sealed class ConsoleFunctions
{
    public const string Name = "ServeConsole";

    private const string IndexCache = "no-cache";

    private const string AssetCache = "public, max-age=31536000, immutable";

    [Function(Name)]
    public static IActionResult Serve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/{*path}")] HttpRequest req, string? path)
    {
        ArgumentNullException.ThrowIfNull(req);
        var assets = ConsoleAssets.Current;
        path ??= string.Empty;
        if (path.Length == 0 && !(req.Path.Value ?? string.Empty).EndsWith('/'))
        {
            // Relative asset URLs resolve against the directory: /api/console must become /api/console/.
            ConsoleHeaders.Apply(req.HttpContext.Response);
            return new RedirectResult(req.Path + "/" + req.QueryString, permanent: true, preserveMethod: true);
        }

        if (path.Length == 0 || path == ConsoleAssets.IndexFile)
        {
            return new ConsoleFileResult(assets.Index, IndexCache, $"\"{assets.Version}\"");
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var file = slash > 0 && path[..slash] == assets.Version ? assets.Find(path[(slash + 1)..]) : null;
        if (file is null)
        {
            ConsoleHeaders.Apply(req.HttpContext.Response);
            return RouteProblems.NotFound(req, $"The console has no file {req.Path} (assets are served under the current version, /console/{assets.Version}/).");
        }

        return new ConsoleFileResult(file, AssetCache, $"\"{assets.Version}\"");
    }
}
