using Loyalty.Core.Pos;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Pos;

/// <summary>Points as cash at the POS: quote → hold → capture on payment, or release on cancel.</summary>
public sealed class PosFunctions(ApiAuthenticator auth, HoldService holds)
{
    [Function("QuotePoints")]
    public async Task<IActionResult> Quote(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/pos/quotes")] HttpRequest req, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var body = await RequestBody.ReadAsync<QuoteRequest>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var quote = await holds.QuoteAsync(caller.Value.TenantId, body.Value, cancellationToken);
        return quote.ToHttp(req, ApiResult.Ok);
    }

    [Function("CreateHold")]
    public async Task<IActionResult> Hold(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/pos/holds")] HttpRequest req, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var key = Headers.RequiredIdempotencyKey(req);
        if (!key.IsSuccess)
        {
            return Problem.Result(key.Error, req);
        }

        var body = await RequestBody.ReadAsync<HoldRequest>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var hold = await holds.HoldAsync(caller.Value.TenantId, body.Value, key.Value, cancellationToken);
        return hold.ToHttp(req, h => ApiResult.Created(h, $"/api/v1/pos/holds/{Uri.EscapeDataString(h.HoldId)}"));
    }

    [Function("GetHold")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/pos/holds/{holdId}")] HttpRequest req, string holdId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var hold = await holds.GetAsync(caller.Value.TenantId, holdId, cancellationToken);
        return hold.ToHttp(req, ApiResult.Ok);
    }

    /// <summary>Payment done: the held points become a spend linked to the order. Capturing twice answers the same.</summary>
    [Function("CaptureHold")]
    public async Task<IActionResult> Capture(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/pos/holds/{holdId}/capture")] HttpRequest req, string holdId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var hold = await holds.CaptureAsync(caller.Value.TenantId, holdId, cancellationToken);
        return hold.ToHttp(req, ApiResult.Ok);
    }

    [Function("ReleaseHold")]
    public async Task<IActionResult> Release(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "v1/pos/holds/{holdId}")] HttpRequest req, string holdId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var hold = await holds.ReleaseAsync(caller.Value.TenantId, holdId, cancellationToken);
        return hold.ToHttp(req, ApiResult.Ok);
    }
}
