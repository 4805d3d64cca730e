using Loyalty.DevHost.Discovery;
using Loyalty.DevHost.Invocation;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Loyalty.DevHost.Http;

public static class HttpFunctionEndpoints
{
    /// <summary>
    /// Maps every HTTP-triggered function at <c>/{routePrefix}/{route}</c> (host.json <c>extensions.http.routePrefix</c>,
    /// default <c>api</c>). A disabled function keeps its route, so its other methods still answer 405, but is never called.
    /// </summary>
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, FunctionCatalog catalog, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(configuration);
        var prefix = RoutePrefix(configuration);
        foreach (var (function, trigger) in catalog.Of<HttpFunctionTrigger>())
        {
            var pattern = "/" + string.Join('/', new[] { prefix, trigger.Route.Trim('/') }.Where(p => p.Length > 0));
            RequestDelegate handler = Settings.DisabledFunctionSetting.IsDisabled(configuration, function.Name)
                ? http => HttpResultWriter.WriteAsync(http, Disabled(function, http.Request))
                : http => InvokeAsync(function, http);
            var endpoint = trigger.Methods.Count == 0 ? endpoints.Map(pattern, handler) : endpoints.MapMethods(pattern, trigger.Methods, handler);
            endpoint.WithDisplayName(function.Name).WithMetadata(function);
        }

        return endpoints;
    }

    public static string RoutePrefix(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return (configuration[$"{Settings.HostJsonFile.Section}:extensions:http:routePrefix"] ?? "api").Trim('/');
    }

    /// <summary>The Functions host answers a disabled function's route with a 404; here it is the app's route-not-found problem.</summary>
    private static ApiResult Disabled(FunctionDescriptor function, HttpRequest request) =>
        RouteProblems.NotFound(request, $"{request.Method} {request.Path} is served by the function {function.Name}, which {Settings.DisabledFunctionSetting.NameFor(function.Name)} switches off on this host.");

    private static async Task InvokeAsync(FunctionDescriptor function, HttpContext http)
    {
        var invoker = http.RequestServices.GetRequiredService<FunctionInvoker>();
        try
        {
            var returned = await invoker.InvokeAsync(function, http.RequestServices, new HttpTriggerBinder(http), 0, http.RequestAborted);
            await HttpResultWriter.WriteAsync(http, returned);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            // As the Functions host: the exception is logged, the caller gets a bare 500.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Loyalty.DevHost.Http")
                .LogError(ex, "Function {Function} failed", function.Name);
            if (!http.Response.HasStarted)
            {
                http.Response.Clear();
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
    }
}
