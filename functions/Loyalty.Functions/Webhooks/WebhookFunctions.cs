using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Tenants;
using Loyalty.Core.Webhooks;
using Loyalty.Core.Webhooks.WeChat;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Webhooks;

/// <summary>
/// Signed webhooks: WeChat official accounts (XML, <c>?tenant=&amp;signature=&amp;timestamp=&amp;nonce=</c>, plus
/// <c>encrypt_type=aes&amp;msg_signature=</c> in safe mode) and JSON events from other platforms (query, or
/// <c>X-Timestamp</c>/<c>X-Nonce</c>/<c>X-Signature</c> headers for HMAC). No API key on the webhook itself: the
/// signature is the authentication.
/// </summary>
public sealed class WebhookFunctions(ApiEndpoint endpoint, WebhookChannelService channels, WebhookService webhooks, WeChatMessageService messages)
{
    [Function("ConfigureWebhookChannel")]
    public Task<IActionResult> Configure(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "v1/webhooks/{channel}")] HttpRequest req, string channel, CancellationToken cancellationToken) =>
        endpoint.RunAsync<ChannelSettings>(req, [ApiKeyScope.Admin], (caller, body) =>
            channels.ConfigureAsync(caller.TenantId, channel, body, cancellationToken).ToHttpAsync(req, c => ApiResult.Ok(ChannelView.From(c))), cancellationToken);

    [Function("WebhookHandshake")]
    public async Task<IActionResult> Handshake(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/webhooks/{channel}")] HttpRequest req, string channel, CancellationToken cancellationToken)
    {
        var echo = await webhooks.EchoAsync(Read(req, channel, string.Empty), req.Query["echostr"].ToString(), cancellationToken);
        return echo.ToHttp(req, ApiResult.Text);
    }

    [Function("ReceiveWebhook")]
    public async Task<IActionResult> Receive(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/webhooks/{channel}")] HttpRequest req, string channel, CancellationToken cancellationToken)
    {
        var body = await WebhookBody.ReadAsync(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var answer = await webhooks.ReceiveAsync(Read(req, channel, body.Value), cancellationToken);
        return answer.ToHttp(req, a => a switch
        {
            WeChatAnswer wechat => new WeChatReplyResult(wechat.Reply),
            EventReceipt receipt => ApiResult.Ok(new WebhookReceipt(true, receipt.Outcome.Replayed, receipt.Outcome.Entry?.EntryId, receipt.Outcome.Balance)),
            _ => throw new InvalidOperationException($"Unknown webhook answer {a.GetType().Name}."),
        });
    }

    /// <summary>What an official-account channel received, newest first; <c>?status=unbound</c> shows the events no member could be credited for.</summary>
    [Function("ListWebhookMessages")]
    public Task<IActionResult> Messages(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/webhooks/{channel}/messages")] HttpRequest req, string channel, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Admin], async caller =>
        {
            var query = ParseQuery(req.Query);
            return query.IsSuccess
                ? await messages.ListAsync(caller.TenantId, channel, query.Value, cancellationToken)
                    .ToHttpAsync(req, page => ApiResult.Ok(new WeChatMessageList([.. page.Messages.Select(WeChatMessageView.From)], page.ContinuationToken)))
                : Problem.Result(query.Error, req);
        });

    private static Result<WeChatMessageQuery> ParseQuery(IQueryCollection query)
    {
        WeChatMessageStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } text)
        {
            if (!Enum.TryParse<WeChatMessageStatus>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsDigit(text[0]))
            {
                return Error.BadRequest("invalid-query", $"status must be one of: {string.Join(", ", Enum.GetNames<WeChatMessageStatus>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.", "status");
            }

            status = parsed;
        }

        var pageSize = 50;
        if (query["pageSize"].ToString() is { Length: > 0 } size && !int.TryParse(size, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out pageSize))
        {
            return Error.BadRequest("invalid-query", "pageSize must be a whole number.", "pageSize");
        }

        var openId = query["openId"].ToString();
        var token = query["continuationToken"].ToString();
        return new WeChatMessageQuery(status, openId.Length == 0 ? null : openId, pageSize, token.Length == 0 ? null : token);
    }

    private static WebhookRequest Read(HttpRequest req, string channel, string body)
    {
        string? Value(string query, string header) => req.Query[query].ToString() is { Length: > 0 } q ? q : req.Headers[header].ToString() is { Length: > 0 } h ? h : null;
        var tenant = req.Query["tenant"].ToString();
        return new WebhookRequest(Tenant.IsValidId(tenant) ? tenant : "-", channel, Value("timestamp", "X-Timestamp"), Value("nonce", "X-Nonce"), Value("signature", "X-Signature"), body)
        {
            MessageSignature = req.Query["msg_signature"].ToString() is { Length: > 0 } signature ? signature : null,
            EncryptType = req.Query["encrypt_type"].ToString() is { Length: > 0 } type ? type : null,
        };
    }
}
