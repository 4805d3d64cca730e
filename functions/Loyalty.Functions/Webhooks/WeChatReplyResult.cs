using System.Text;
using Loyalty.Core.Webhooks.WeChat;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Functions.Webhooks;

/// <summary>WeChat's answer as WeChat expects it: <c>success</c> as plain text, a passive reply as XML.</summary>
public sealed class WeChatReplyResult(WeChatReply reply) : IActionResult
{
    public WeChatReply Reply { get; } = reply;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var body = Encoding.UTF8.GetBytes(Reply.Body);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = (Reply.IsXml ? "application/xml" : "text/plain") + "; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.HttpContext.RequestAborted);
    }
}
