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
public sealed class ActivityFunctions(ApiAuthenticator auth, ActivityService activities)
{
    [Function("CheckIn")]
    public async Task<IActionResult> CheckIn(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members/{memberId}/check-ins")] HttpRequest req, string memberId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Storefront, ApiKeyScope.Pos);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var key = Headers.OptionalIdempotencyKey(req);
        if (!key.IsSuccess)
        {
            return Problem.Result(key.Error, req);
        }

        var outcome = await activities.CheckInAsync(new MemberKey(caller.Value.TenantId, memberId), key.Value, cancellationToken);
        return outcome.ToHttp(req, Created);
    }

    [Function("Share")]
    public async Task<IActionResult> Share(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members/{memberId}/shares")] HttpRequest req, string memberId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var key = Headers.OptionalIdempotencyKey(req);
        var body = await RequestBody.ReadAsync<ShareBody>(req, cancellationToken);
        if (!key.IsSuccess || !body.IsSuccess)
        {
            return Problem.Result(key.Error ?? body.Error!, req);
        }

        var outcome = await activities.ShareAsync(new MemberKey(caller.Value.TenantId, memberId), body.Value.Platform, body.Value.Reference, key.Value, cancellationToken);
        return outcome.ToHttp(req, Created);
    }

    [Function("CompleteTask")]
    public async Task<IActionResult> CompleteTask(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members/{memberId}/tasks/{taskId}/completions")] HttpRequest req, string memberId, string taskId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var key = Headers.OptionalIdempotencyKey(req);
        if (!key.IsSuccess)
        {
            return Problem.Result(key.Error, req);
        }

        var reference = req.ContentLength > 0 ? await RequestBody.ReadAsync<TaskBody>(req, cancellationToken) : new TaskBody(null);
        if (!reference.IsSuccess)
        {
            return Problem.Result(reference.Error, req);
        }

        var outcome = await activities.CompleteTaskAsync(new MemberKey(caller.Value.TenantId, memberId), taskId, reference.Value.Reference, key.Value, cancellationToken);
        return outcome.ToHttp(req, Created);
    }

    /// <summary>Manual grants (holiday gifts) to one member or a list, with a reason. Each member is credited once per Idempotency-Key.</summary>
    [Function("GrantPoints")]
    public async Task<IActionResult> Grant(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/grants")] HttpRequest req, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Admin);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var key = Headers.RequiredIdempotencyKey(req);
        var body = await RequestBody.ReadAsync<Grant>(req, cancellationToken);
        if (!key.IsSuccess || !body.IsSuccess)
        {
            return Problem.Result(key.Error ?? body.Error!, req);
        }

        var results = await activities.GrantAsync(caller.Value.TenantId, body.Value, key.Value, $"key:{caller.Value.KeyId}", cancellationToken);
        return results.ToHttp(req, r => ApiResult.Ok(new { results = r }));
    }

    private static IActionResult Created(LedgerOutcome outcome) =>
        outcome.Replayed ? ApiResult.Ok(outcome) : new ApiResult(StatusCodes.Status201Created, outcome);
}
