using System.Text.Json;
using Loyalty.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Functions.Http;

/// <summary>
/// Writes a JSON body with the platform's serializer settings. It needs no MVC formatters, so it behaves the same in
/// the Functions host, the dev host and a test's DefaultHttpContext.
/// </summary>
public sealed class ApiResult(int statusCode, object? body, string contentType = "application/json") : IActionResult
{
    public int StatusCode { get; } = statusCode;

    public object? Body { get; } = body;

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>();

    public ApiResult WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (Body is null)
        {
            return;
        }

        response.ContentType = contentType + "; charset=utf-8";
        if (Body is string text && contentType == "text/plain")
        {
            await response.WriteAsync(text, context.HttpContext.RequestAborted);
            return;
        }

        await JsonSerializer.SerializeAsync(response.Body, Body, Body.GetType(), LoyaltyJson.Options, context.HttpContext.RequestAborted);
    }

    public static ApiResult Ok(object body) => new(StatusCodes.Status200OK, body);

    public static ApiResult Created(object body, string location) => new ApiResult(StatusCodes.Status201Created, body).WithHeader("Location", location);

    public static ApiResult Accepted(object body, string location) => new ApiResult(StatusCodes.Status202Accepted, body).WithHeader("Location", location);

    public static ApiResult Text(string text) => new(StatusCodes.Status200OK, text, "text/plain");

    public static ApiResult NoContent() => new(StatusCodes.Status204NoContent, null);
}
