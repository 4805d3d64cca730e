using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Loyalty.Functions.Http;

/// <summary>The route templates of an assembly's HTTP functions and their methods, read from the same attributes the Functions SDK turns into functions.metadata.</summary>
public sealed class HttpRouteTable
{
    private readonly IReadOnlyList<(TemplateMatcher Template, IReadOnlyList<string> Methods)> _routes;

    private HttpRouteTable(IReadOnlyList<(TemplateMatcher Template, IReadOnlyList<string> Methods)> routes) => _routes = routes;

    /// <param name="except">A function left out of the table (the catch-all itself).</param>
    public static HttpRouteTable Discover(Assembly assembly, string except)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var routes = HttpFunction.Discover(assembly)
            .Where(f => f.Name != except)
            .Select(f => (new TemplateMatcher(TemplateParser.Parse(f.Route), new RouteValueDictionary()), f.Methods))
            .ToList();
        return new HttpRouteTable(routes);
    }

    /// <summary>Every method some route whose template matches <paramref name="path"/> accepts (path relative to the route prefix); empty when none matches.</summary>
    public IReadOnlyList<string> MethodsFor(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var requestPath = new Microsoft.AspNetCore.Http.PathString("/" + path.TrimStart('/'));
        return [.. _routes.Where(r => r.Template.TryMatch(requestPath, new RouteValueDictionary())).SelectMany(r => r.Methods).Distinct().Order(StringComparer.Ordinal)];
    }
}
