using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Http;

/// <summary>The route templates of an assembly's HTTP functions and their methods, read from the same attributes the Functions SDK turns into functions.metadata.</summary>
public sealed class HttpRouteTable
{
    private readonly IReadOnlyList<(TemplateMatcher Template, IReadOnlyList<string> Methods)> _routes;

    private HttpRouteTable(IReadOnlyList<(TemplateMatcher, IReadOnlyList<string>)> routes) => _routes = routes;

    /// <param name="except">A function left out of the table (the catch-all itself).</param>
    public static HttpRouteTable Discover(Assembly assembly, string except)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var routes = new List<(TemplateMatcher, IReadOnlyList<string>)>();
        foreach (var method in assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            var function = method.GetCustomAttribute<FunctionAttribute>();
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (function is null || trigger is null || function.Name == except)
            {
                continue;
            }

            // As the host: a trigger without a route answers at the function's name.
            var template = TemplateParser.Parse(trigger.Route ?? function.Name);
            routes.Add((new TemplateMatcher(template, new RouteValueDictionary()), [.. (trigger.Methods ?? []).Select(m => m.ToUpperInvariant())]));
        }

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
