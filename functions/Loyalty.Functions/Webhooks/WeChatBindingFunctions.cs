using Loyalty.Core.Members;
using Loyalty.Core.Tenants;
using Loyalty.Core.Webhooks.WeChat;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Webhooks;

/// <summary>
/// A member's WeChat openids: bound by the merchant's page (after WeChat OAuth gave it the openid) or by the member
/// scanning a QR scene issued here. One openid belongs to one member of a tenant.
/// </summary>
public sealed class WeChatBindingFunctions(ApiEndpoint endpoint, WeChatBindingService bindings, TimeProvider time)
{
    [Function("BindWeChat")]
    public Task<IActionResult> Bind(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "v1/members/{memberId}/wechat")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync<WeChatBindRequest>(req, [ApiKeyScope.Storefront], (caller, body) =>
            bindings.BindAsync(new MemberKey(caller.TenantId, memberId), body, cancellationToken).ToHttpAsync(req, b => ApiResult.Ok(WeChatBindingView.From(b))), cancellationToken);

    [Function("ListWeChatBindings")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/members/{memberId}/wechat")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], caller =>
            bindings.ListAsync(new MemberKey(caller.TenantId, memberId), cancellationToken).ToHttpAsync(req, list => ApiResult.Ok(new WeChatBindingList(memberId, [.. list.Select(WeChatBindingView.From)]))));

    /// <summary><c>?channel=</c> names the binding to remove; the openid is then free for another member.</summary>
    [Function("UnbindWeChat")]
    public Task<IActionResult> Unbind(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "v1/members/{memberId}/wechat")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Storefront], caller =>
            bindings.UnbindAsync(new MemberKey(caller.TenantId, memberId), req.Query["channel"].ToString(), cancellationToken).ToHttpAsync(req, _ => ApiResult.NoContent()));

    /// <summary>A single-use QR scene for the member; the same Idempotency-Key gets the same scene back.</summary>
    [Function("IssueWeChatScene")]
    public Task<IActionResult> IssueScene(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members/{memberId}/wechat/scenes")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync<WeChatSceneRequest>(req, [ApiKeyScope.Storefront], Headers.OptionalIdempotencyKey, (caller, key, body) =>
            bindings.IssueSceneAsync(new MemberKey(caller.TenantId, memberId), body, key, cancellationToken)
                .ToHttpAsync(req, s => ApiResult.Created(WeChatSceneView.From(s, time.GetUtcNow()), $"/api/v1/members/{memberId}/wechat")), cancellationToken);
}
