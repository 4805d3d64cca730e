using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Http;

/// <summary>An HTTP-triggered function as its attributes declare it: the same attributes the Functions SDK turns into functions.metadata.</summary>
/// <param name="Route">The route template relative to the route prefix; as the host, a trigger without a route answers at the function's name.</param>
/// <param name="Methods">Upper-case HTTP methods.</param>
public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel)
{
    public static IReadOnlyList<HttpFunction> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var functions = new List<HttpFunction>();
        foreach (var method in assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            var function = method.GetCustomAttribute<FunctionAttribute>();
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (function is not null && trigger is not null)
            {
                functions.Add(new HttpFunction(function.Name, trigger.Route ?? function.Name, [.. (trigger.Methods ?? []).Select(m => m.ToUpperInvariant())], trigger.AuthLevel));
            }
        }

        return [.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }
}
