using System.Reflection;
using System.Text.RegularExpressions;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Functions.Tests.Support;

/// <summary>One call of an HTTP function: its route values, query, body, key and headers.</summary>
internal sealed record RouteCall(IReadOnlyDictionary<string, string> Values, object? Body = null, string Query = "", IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// Calls any HTTP function by its name, as the host would route to it: the route template filled with the call's
/// values, the method from its trigger, the bound parameters (request, route values, Durable client, cancellation)
/// given by name and type. The functions are the ones <see cref="HttpFunction.Discover"/> finds, the same list the
/// OpenAPI document is generated from.
/// </summary>
internal sealed partial class RouteInvoker(IServiceProvider services, DurableTaskClient client)
{
    public static IReadOnlyList<HttpFunction> Functions { get; } =
        [.. HttpFunction.Discover(typeof(ApiEndpoint).Assembly).Where(f => f.Name != UnmatchedRouteFunctions.Name)];

    private static readonly Dictionary<string, MethodInfo> Methods = typeof(ApiEndpoint).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null))
        .ToDictionary(m => m.GetCustomAttribute<FunctionAttribute>()!.Name, StringComparer.Ordinal);

    public static IEnumerable<string> RouteValues(HttpFunction function) => RouteParameter().Matches(function.Route).Select(m => m.Groups["name"].Value);

    public async Task<Response> CallAsync(HttpFunction function, string method, RouteCall call, string? apiKey)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(call);
        var path = "/api/" + RouteParameter().Replace(function.Route, m => call.Values[m.Groups["name"].Value]) + call.Query;
        var request = FunctionsHost.Request(method, path, call.Body, apiKey, call.Headers?.ToDictionary());
        var target = Methods[function.Name];
        var arguments = target.GetParameters().Select(p => Argument(p, request, call, function)).ToArray();
        var instance = target.IsStatic ? null : ActivatorUtilities.CreateInstance(services, target.DeclaringType!);
        var result = target.Invoke(instance, arguments) switch
        {
            Task<IActionResult> pending => await pending,
            IActionResult done => done,
            var other => throw new InvalidOperationException($"{function.Name} returned {other?.GetType().Name}, which this invoker cannot execute."),
        };
        return await FunctionsHost.ExecuteAsync(request, result);
    }

    private object? Argument(ParameterInfo parameter, HttpRequest request, RouteCall call, HttpFunction function) => parameter.ParameterType switch
    {
        var t when t == typeof(HttpRequest) => request,
        var t when t == typeof(CancellationToken) => CancellationToken.None,
        var t when t == typeof(DurableTaskClient) => client,
        var t when t == typeof(string) && call.Values.TryGetValue(parameter.Name!, out var value) => value,
        _ => throw new InvalidOperationException($"{function.Name}: the invoker does not know how to bind parameter {parameter.Name} ({parameter.ParameterType.Name})."),
    };

    [GeneratedRegex(@"\{(?<name>[A-Za-z0-9_]+)(:[^}]*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex RouteParameter();
}
