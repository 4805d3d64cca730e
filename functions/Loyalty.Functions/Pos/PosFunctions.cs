using Loyalty.Core.Pos;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Pos;

/// <summary>Points as cash at the POS: quote → hold → capture on payment, or release on cancel.</summary>
public sealed class PosFunctions(ApiEndpoint endpoint, HoldService holds)
{
    [Function("QuotePoints")]
    public Task<IActionResult> Quote(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/pos/quotes")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync<QuoteRequest>(req, [ApiKeyScope.Pos], (caller, body) =>
            holds.QuoteAsync(caller.TenantId, body, cancellationToken).ToHttpAsync(req, ApiResult.Ok), cancellationToken);

    [Function("CreateHold")]
    public Task<IActionResult> Hold(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/pos/holds")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync<HoldRequest>(req, [ApiKeyScope.Pos], Headers.RequiredIdempotencyKey, (caller, key, body) =>
            holds.HoldAsync(caller.TenantId, body, key, cancellationToken).ToHttpAsync(req, h => ApiResult.Created(h, $"/api/v1/pos/holds/{Uri.EscapeDataString(h.HoldId)}")), cancellationToken);

    [Function("GetHold")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/pos/holds/{holdId}")] HttpRequest req, string holdId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos], caller => holds.GetAsync(caller.TenantId, holdId, cancellationToken).ToHttpAsync(req, ApiResult.Ok));

    /// <summary>Payment done: the held points become a spend linked to the order. Capturing twice answers the same.</summary>
    [Function("CaptureHold")]
    public Task<IActionResult> Capture(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/pos/holds/{holdId}/capture")] HttpRequest req, string holdId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos], caller => holds.CaptureAsync(caller.TenantId, holdId, cancellationToken).ToHttpAsync(req, ApiResult.Ok));

    [Function("ReleaseHold")]
    public Task<IActionResult> Release(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "v1/pos/holds/{holdId}")] HttpRequest req, string holdId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos], caller => holds.ReleaseAsync(caller.TenantId, holdId, cancellationToken).ToHttpAsync(req, ApiResult.Ok));
}
