using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Functions.Http;

/// <summary>A 200 whose body is JSON text already serialized (e.g. a document kept in the repository), written as is.</summary>
public sealed class Utf8JsonResult(ReadOnlyMemory<byte> json, TimeSpan maxAge) : IActionResult
{
    public ReadOnlyMemory<byte> Json { get; } = json;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = Json.Length;
        response.Headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
        await response.Body.WriteAsync(Json, context.HttpContext.RequestAborted);
    }
}
