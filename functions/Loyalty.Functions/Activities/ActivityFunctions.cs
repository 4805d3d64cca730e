using Loyalty.Core.Activities;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Activities;

public sealed record ShareBody(string? Platform, string? Reference);

public sealed record TaskBody(string? Reference);

/// <summary>Earning without a purchase. An Idempotency-Key makes a retry replay the first answer; without one each call is a new attempt.</summary>
public sealed class ActivityFunctions(ApiEndpoint endpoint, ActivityService activities)
{
    [Function("CheckIn")]
    public Task<IActionResult> CheckIn(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members/{memberId}/check-ins")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Storefront, ApiKeyScope.Pos], Headers.OptionalIdempotencyKey, (caller, key) =>
            activities.CheckInAsync(new MemberKey(caller.TenantId, memberId), key, cancellationToken).ToHttpAsync(req, Created));

    [Function("Share")]
    public Task<IActionResult> Share(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members/{memberId}/shares")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Storefront], async caller =>
        {
            // Key and body are both read before either is judged; a bad key is the problem reported.
            var key = Headers.OptionalIdempotencyKey(req);
            var body = await RequestBody.ReadAsync<ShareBody>(req, cancellationToken);
            return key.IsSuccess && body.IsSuccess
                ? await activities.ShareAsync(new MemberKey(caller.TenantId, memberId), body.Value.Platform, body.Value.Reference, key.Value, cancellationToken).ToHttpAsync(req, Created)
                : Problem.Result(key.Error ?? body.Error!, req);
        });

    [Function("CompleteTask")]
    public Task<IActionResult> CompleteTask(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members/{memberId}/tasks/{taskId}/completions")] HttpRequest req, string memberId, string taskId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Storefront], Headers.OptionalIdempotencyKey, async (caller, key) =>
        {
            var reference = req.ContentLength > 0 || (req.ContentLength is null && req.ContentType is not null) ? await RequestBody.ReadAsync<TaskBody>(req, cancellationToken) : new TaskBody(null);
            return reference.IsSuccess
                ? await activities.CompleteTaskAsync(new MemberKey(caller.TenantId, memberId), taskId, reference.Value.Reference, key, cancellationToken).ToHttpAsync(req, Created)
                : Problem.Result(reference.Error, req);
        });

    /// <summary>Manual grants (holiday gifts) to one member or a list, with a reason. Each member is credited once per Idempotency-Key.</summary>
    [Function("GrantPoints")]
    public Task<IActionResult> Grant(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/grants")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Admin], async caller =>
        {
            // Key and body are both read before either is judged; a bad key is the problem reported.
            var key = Headers.RequiredIdempotencyKey(req);
            var body = await RequestBody.ReadAsync<Grant>(req, cancellationToken);
            return key.IsSuccess && body.IsSuccess
                ? await activities.GrantAsync(caller.TenantId, body.Value, key.Value, $"key:{caller.KeyId}", cancellationToken).ToHttpAsync(req, r => ApiResult.Ok(new GrantResults(r)))
                : Problem.Result(key.Error ?? body.Error!, req);
        });

    private static IActionResult Created(LedgerOutcome outcome) =>
        outcome.Replayed ? ApiResult.Ok(outcome) : new ApiResult(StatusCodes.Status201Created, outcome);
}
