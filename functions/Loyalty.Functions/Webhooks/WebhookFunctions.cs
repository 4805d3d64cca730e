using Loyalty.Core.Common;
using Loyalty.Core.Tenants;
using Loyalty.Core.Webhooks;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Webhooks;

public sealed record ChannelBody(string? Token, SignatureScheme? Scheme, long? MaxGrantPoints);

/// <summary>
/// Signed webhooks from WeChat-style platforms: <c>?tenant=&amp;timestamp=&amp;nonce=&amp;signature=</c> in the query
/// (WeChat scheme) or <c>X-Timestamp</c>/<c>X-Nonce</c>/<c>X-Signature</c> headers (HMAC scheme). No API key: the
/// signature is the authentication.
/// </summary>
public sealed class WebhookFunctions(ApiEndpoint endpoint, WebhookService webhooks)
{
    [Function("ConfigureWebhookChannel")]
    public Task<IActionResult> Configure(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "v1/webhooks/{channel}")] HttpRequest req, string channel, CancellationToken cancellationToken) =>
        endpoint.RunAsync<ChannelBody>(req, [ApiKeyScope.Admin], (caller, body) =>
            webhooks.ConfigureAsync(caller.TenantId, channel, body.Token, body.Scheme ?? SignatureScheme.WeChatSha1, body.MaxGrantPoints ?? 0, cancellationToken)
                .ToHttpAsync(req, c => ApiResult.Ok(new { c.Channel, c.Scheme, c.MaxGrantPoints, c.UpdatedAt })), cancellationToken);

    [Function("WebhookHandshake")]
    public async Task<IActionResult> Handshake(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/webhooks/{channel}")] HttpRequest req, string channel, CancellationToken cancellationToken)
    {
        var echo = await webhooks.EchoAsync(Read(req, channel, string.Empty), req.Query["echostr"].ToString(), cancellationToken);
        return echo.IsSuccess ? ApiResult.Text(echo.Value) : Problem.Result(echo.Error, req);
    }

    [Function("ReceiveWebhook")]
    public async Task<IActionResult> Receive(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/webhooks/{channel}")] HttpRequest req, string channel, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(req.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        if (body.Length > RequestBody.MaxBytes)
        {
            return Problem.Result(Error.BadRequest("body-too-large", "The event is too large."), req);
        }

        var outcome = await webhooks.HandleAsync(Read(req, channel, body), cancellationToken);
        return outcome.ToHttp(req, o => ApiResult.Ok(new { received = true, replayed = o.Replayed, entryId = o.Entry?.EntryId, balance = o.Balance }));
    }

    private static WebhookRequest Read(HttpRequest req, string channel, string body)
    {
        string? Value(string query, string header) => req.Query[query].ToString() is { Length: > 0 } q ? q : req.Headers[header].ToString() is { Length: > 0 } h ? h : null;
        var tenant = req.Query["tenant"].ToString();
        return new WebhookRequest(Tenant.IsValidId(tenant) ? tenant : "-", channel, Value("timestamp", "X-Timestamp"), Value("nonce", "X-Nonce"), Value("signature", "X-Signature"), body);
    }
}
