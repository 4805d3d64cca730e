using Loyalty.Core.Common;
using Loyalty.Core.Refunds;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Refunds;

public sealed record RefundBody(string? RefundId, string? OrderId, IReadOnlyList<RefundLineBody>? Lines, decimal? Amount)
{
    public RefundRequest ToRequest() =>
        new(RefundId ?? string.Empty, OrderId ?? string.Empty, Lines?.Select(l => new RefundLine(l?.Sku ?? string.Empty, l?.Quantity ?? 0)).ToList(), Amount);
}

public sealed record RefundLineBody(string? Sku, decimal? Quantity);

public sealed class RefundFunctions(ApiEndpoint endpoint, RefundService refunds)
{
    /// <summary>Accepts a full or partial refund (lines or amount), idempotent by refund id; processed from the accrual queue.</summary>
    [Function("SubmitRefund")]
    public Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/refunds")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync<RefundBody>(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], (caller, body) =>
            refunds.SubmitAsync(caller.TenantId, body.ToRequest(), cancellationToken)
                .ToHttpAsync(req, r => ApiResult.Accepted(r with { ETag = null }, $"/api/v1/refunds/{Uri.EscapeDataString(r.RefundId)}")), cancellationToken);

    [Function("GetRefund")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/refunds/{refundId}")] HttpRequest req, string refundId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], async caller =>
        {
            var refund = Core.Purchases.PurchaseValidator.IsValidOrderId(refundId) ? await refunds.GetAsync(caller.TenantId, refundId, cancellationToken) : null;
            return refund is null
                ? Problem.Result(Error.NotFound("refund-not-found", $"No refund '{refundId}'."), req)
                : ApiResult.Ok(refund with { ETag = null });
        });
}
