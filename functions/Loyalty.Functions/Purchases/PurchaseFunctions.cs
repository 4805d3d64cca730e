using System.Text.Json;
using Loyalty.Core.Common;
using Loyalty.Core.Purchases;
using Loyalty.Core.Referrals;
using Loyalty.Core.Refunds;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Loyalty.Functions.Referrals;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Loyalty.Functions.Purchases;

public sealed class PurchaseFunctions(ApiEndpoint endpoint, PurchaseService purchases, RefundService refunds, ReferralDriver referrals, TimeProvider time, ILogger<PurchaseFunctions> logger)
{
    public const string Queue = "%AccrualQueueName%";
    public const string PoisonQueue = "%AccrualQueueName%-poison";

    [Function("SubmitPurchase")]
    public Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/purchases")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync<PurchaseRequest>(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], (caller, body) =>
            purchases.SubmitAsync(caller.TenantId, body.ToPurchase(time.GetUtcNow()), cancellationToken)
                .ToHttpAsync(req, r => ApiResult.Accepted(PurchaseView.From(r), PurchaseView.StatusUrlFor(r.Purchase.OrderId))), cancellationToken);

    [Function("GetPurchase")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/purchases/{orderId}")] HttpRequest req, string orderId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], async caller =>
        {
            var record = PurchaseValidator.IsValidOrderId(orderId) ? await purchases.GetAsync(caller.TenantId, orderId, cancellationToken) : null;
            return record is null
                ? Problem.Result(Error.NotFound("purchase-not-found", $"No purchase '{orderId}' was submitted."), req)
                : ApiResult.Ok(PurchaseView.From(record));
        });

    [Function("CompletePurchase")]
    public Task<IActionResult> Complete(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/purchases/{orderId}/complete")] HttpRequest req, string orderId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], caller =>
            purchases.CompleteAsync(caller.TenantId, orderId, cancellationToken).ToHttpAsync(req, r => ApiResult.Ok(PurchaseView.From(r))));

    [Function("CancelPurchase")]
    public Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/purchases/{orderId}/cancel")] HttpRequest req, string orderId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], caller =>
            purchases.CancelAsync(caller.TenantId, orderId, cancellationToken).ToHttpAsync(req, r => ApiResult.Ok(PurchaseView.From(r))));

    /// <summary>
    /// Credits a queued order. A failure is noted on the order and rethrown, so the host retries and finally moves the
    /// message to the poison queue. After the credit committed, a referee's first qualifying purchase is noted on their
    /// referral and their driver woken (a redelivered message does both again, harmlessly).
    /// </summary>
    [Function("ProcessAccrual")]
    public async Task Process([QueueTrigger(Queue, Connection = "LoyaltyStorage")] string message, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var accrual = Parse(message);
        try
        {
            if (accrual.RefundId is null)
            {
                if (await purchases.ProcessAsync(accrual, cancellationToken) is { } order && await referrals.RecordPurchaseAsync(order, cancellationToken) is { } referral)
                {
                    await ReferralDrivers.WakeAsync(client, referral.TenantId, referral.RefereeId, cancellationToken);
                }
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
