using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace Loyalty.DevHost.Http;

/// <summary>Writes what an HTTP function returned, as the ASP.NET Core integration of the isolated worker does.</summary>
public static class HttpResultWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task WriteAsync(HttpContext http, object? returned)
    {
        ArgumentNullException.ThrowIfNull(http);
        switch (returned)
        {
            case null:
                break;
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult result:
                await result.ExecuteAsync(http);
                break;
            case string text:
                http.Response.ContentType ??= "text/plain; charset=utf-8";
                await http.Response.WriteAsync(text, http.RequestAborted);
                break;
            default:
                await http.Response.WriteAsJsonAsync(returned, returned.GetType(), Json, http.RequestAborted);
                break;
        }
    }
}
