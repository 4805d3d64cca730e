using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Functions.MerchantConsole;

/// <summary>A console file with its caching headers; 304 when the browser already holds this version.</summary>
public sealed class ConsoleFileResult(ConsoleFile file, string cacheControl, string etag) : IActionResult
{
    public ConsoleFile File { get; } = file;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var response = http.Response;
        ConsoleHeaders.Apply(response);
        response.Headers.CacheControl = cacheControl;
        response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.Contains(etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = File.ContentType;
        response.ContentLength = File.Content.Length;
        await response.Body.WriteAsync(File.Content, http.RequestAborted);
    }
}
