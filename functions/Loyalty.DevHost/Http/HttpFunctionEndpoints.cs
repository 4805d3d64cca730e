using Loyalty.DevHost.Discovery;
using Loyalty.DevHost.Invocation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Loyalty.DevHost.Http;

public static class HttpFunctionEndpoints
{
    /// <summary>Maps every HTTP-triggered function at <c>/{routePrefix}/{route}</c> (host.json <c>extensions.http.routePrefix</c>, default <c>api</c>).</summary>
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, FunctionCatalog catalog, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(configuration);
        var prefix = RoutePrefix(configuration);
        foreach (var (function, trigger) in catalog.Of<HttpFunctionTrigger>())
        {
            var pattern = "/" + string.Join('/', new[] { prefix, trigger.Route.Trim('/') }.Where(p => p.Length > 0));
            RequestDelegate handler = http => InvokeAsync(function, http);
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
