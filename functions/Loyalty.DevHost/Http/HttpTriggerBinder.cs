using System.Reflection;
using System.Text.Json;
using Loyalty.DevHost.Invocation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Loyalty.DevHost.Http;

/// <summary>Binds an HTTP function's parameters: the request, route values (and query values) by name, and a [FromBody] object.</summary>
public sealed class HttpTriggerBinder : ITriggerBinder
{
    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web);
    private readonly HttpContext _http;

    public HttpTriggerBinder(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        var data = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in http.Request.Query)
        {
            data[key] = value.ToString();
        }

        foreach (var (key, value) in http.GetRouteData().Values)
        {
            data[key] = value;
        }

        BindingData = data;
    }

    public IReadOnlyDictionary<string, object?> BindingData { get; }

    public async ValueTask<BoundValue?> BindAsync(ParameterInfo parameter, DevFunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(context);
        var type = parameter.ParameterType;
        if (type == typeof(HttpRequest))
        {
            // Lets FunctionContext.GetHttpContext() work, as under ConfigureFunctionsWebApplication.
            context.Items["HttpRequestContext"] = _http;
            return new BoundValue(_http.Request);
        }

        if (type == typeof(HttpContext))
        {
            return new BoundValue(_http);
        }

        if (parameter.GetCustomAttributes().Any(a => a.GetType().Name == "FromBodyAttribute"))
        {
            return new BoundValue(_http.Request.ContentLength == 0 ? null : await JsonSerializer.DeserializeAsync(_http.Request.Body, type, BodyOptions, _http.RequestAborted));
        }

        return null;
    }
}
