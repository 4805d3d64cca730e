using System.Text.Json;
using Loyalty.Core.Common;
using Loyalty.Core.Purchases;
using Loyalty.Core.Refunds;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Loyalty.Functions.Purchases;

public sealed class PurchaseFunctions(ApiAuthenticator auth, PurchaseService purchases, RefundService refunds, TimeProvider time, ILogger<PurchaseFunctions> logger)
{
    public const string Queue = "%AccrualQueueName%";
    public const string PoisonQueue = "%AccrualQueueName%-poison";

    [Function("SubmitPurchase")]
    public async Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/purchases")] HttpRequest req, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var body = await RequestBody.ReadAsync<PurchaseRequest>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var record = await purchases.SubmitAsync(caller.Value.TenantId, body.Value.ToPurchase(time.GetUtcNow()), cancellationToken);
        return record.ToHttp(req, r => ApiResult.Accepted(PurchaseView.From(r), PurchaseView.StatusUrlFor(r.Purchase.OrderId)));
    }

    [Function("GetPurchase")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/purchases/{orderId}")] HttpRequest req, string orderId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var record = PurchaseValidator.IsValidOrderId(orderId) ? await purchases.GetAsync(caller.Value.TenantId, orderId, cancellationToken) : null;
        return record is null
            ? Problem.Result(Error.NotFound("purchase-not-found", $"No purchase '{orderId}' was submitted."), req)
            : ApiResult.Ok(PurchaseView.From(record));
    }

    [Function("CompletePurchase")]
    public async Task<IActionResult> Complete(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/purchases/{orderId}/complete")] HttpRequest req, string orderId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var record = await purchases.CompleteAsync(caller.Value.TenantId, orderId, cancellationToken);
        return record.ToHttp(req, r => ApiResult.Ok(PurchaseView.From(r)));
    }

    [Function("CancelPurchase")]
    public async Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/purchases/{orderId}/cancel")] HttpRequest req, string orderId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var record = await purchases.CancelAsync(caller.Value.TenantId, orderId, cancellationToken);
        return record.ToHttp(req, r => ApiResult.Ok(PurchaseView.From(r)));
    }

    /// <summary>Credits a queued order. A failure is noted on the order and rethrown, so the host retries and finally moves the message to the poison queue.</summary>
    [Function("ProcessAccrual")]
    public async Task Process([QueueTrigger(Queue, Connection = "LoyaltyStorage")] string message, CancellationToken cancellationToken)
    {
        var accrual = Parse(message);
        try
        {
            if (accrual.RefundId is null)
            {
                await purchases.ProcessAsync(accrual, cancellationToken);
            }
            else
            {
                await refunds.ProcessAsync(accrual, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Accrual of order {OrderId} for tenant {TenantId} failed", accrual.OrderId, accrual.TenantId);
            if (accrual.RefundId is null)
            {
                await purchases.RecordFailedAttemptAsync(accrual, $"{ex.GetType().Name}: {ex.Message}", cancellationToken);
            }

            throw;
        }
    }

    /// <summary>A message that kept failing: the order shows failed with its last reason instead of staying queued forever.</summary>
    [Function("AccrualPoison")]
    public async Task Poison([QueueTrigger(PoisonQueue, Connection = "LoyaltyStorage")] string message, CancellationToken cancellationToken)
    {
        var accrual = Parse(message);
        logger.LogError("Accrual of order {OrderId} for tenant {TenantId} moved to the poison queue", accrual.OrderId, accrual.TenantId);
        if (accrual.RefundId is null)
        {
            await purchases.MarkFailedAsync(accrual, cancellationToken);
        }
        else
        {
            await refunds.MarkFailedAsync(accrual, "Processing failed repeatedly; the message was moved to the poison queue.", cancellationToken);
        }
    }

    private static AccrualMessage Parse(string message) =>
        JsonSerializer.Deserialize<AccrualMessage>(message, LoyaltyJson.Options) ?? throw new InvalidDataException("Empty accrual message.");
}
