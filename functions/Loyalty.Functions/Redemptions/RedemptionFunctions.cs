using Loyalty.Core.Common;
using Loyalty.Core.Redemptions;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Loyalty.Functions.Redemptions;

public sealed class RedemptionFunctions(ApiEndpoint endpoint, RedemptionService redemptions, RedemptionSettings settings, ILogger<RedemptionFunctions> logger)
{
    /// <summary>Accepts a redemption and starts its orchestration; the instance id is the redemption id, derived from tenant + Idempotency-Key.</summary>
    [Function("StartRedemption")]
    public async Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/redemptions")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await endpoint.RunAsync<RedeemGift>(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], Headers.RequiredIdempotencyKey, async (caller, key, body) =>
        {
            var accepted = await redemptions.AcceptAsync(caller.TenantId, key, body, cancellationToken);
            if (!accepted.IsSuccess)
            {
                return Problem.Result(accepted.Error, req);
            }

            var (record, created) = accepted.Value;
            if (record.Status == RedemptionStatus.Accepted)
            {
                // Also on a replay: the first attempt may have stored the record and failed before starting the instance.
                await StartOnceAsync(client, record, cancellationToken);
            }

            var view = RedemptionView.From(record);
            return created ? ApiResult.Accepted(view, view.StatusUrl) : ApiResult.Ok(view);
        }, cancellationToken);
    }

    [Function("GetRedemption")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/redemptions/{redemptionId}")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string redemptionId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], async caller =>
        {
            // The record is looked up under the caller's tenant first, so another tenant's instance is never touched.
            var record = await redemptions.GetAsync(caller.TenantId, redemptionId, cancellationToken);
            if (!record.IsSuccess)
            {
                return Problem.Result(record.Error, req);
            }

            var instance = await client.GetInstanceAsync(redemptionId, getInputsAndOutputs: false, cancellationToken);
            return ApiResult.Ok(RedemptionView.From(record.Value, instance?.RuntimeStatus.ToString()));
        });
    }

    /// <summary>The merchant reports a physical gift shipped, with its tracking number.</summary>
    [Function("ShipRedemption")]
    public Task<IActionResult> Ship(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/redemptions/{redemptionId}/shipment")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string redemptionId,
        CancellationToken cancellationToken) =>
        endpoint.RunAsync<ShipmentReport>(req, [ApiKeyScope.Admin], (caller, body) =>
        {
            var update = new ShipmentUpdate(true, body.Carrier?.Trim(), body.TrackingNumber?.Trim(), null);
            return RaiseAsync(req, client, caller.TenantId, redemptionId, update, cancellationToken);
        }, cancellationToken);

    /// <summary>Cancels a physical redemption that has not shipped: the orchestration returns the stock and the points.</summary>
    [Function("CancelRedemption")]
    public Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/redemptions/{redemptionId}/cancel")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string redemptionId,
        CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], async caller =>
        {
            string? reason = null;
            if (req.ContentLength > 0 || req.ContentType is not null)
            {
                var body = await RequestBody.ReadAsync<CancelRequest>(req, cancellationToken);
                if (!body.IsSuccess)
                {
                    return Problem.Result(body.Error, req);
                }

                reason = body.Value.Reason?.Trim();
            }

            var update = new ShipmentUpdate(false, null, null, string.IsNullOrEmpty(reason) ? "Cancelled before shipping." : reason);
            return await RaiseAsync(req, client, caller.TenantId, redemptionId, update, cancellationToken);
        });

    private async Task<IActionResult> RaiseAsync(HttpRequest req, DurableTaskClient client, string tenantId, string redemptionId, ShipmentUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var record = await redemptions.CheckShipmentUpdateAsync(tenantId, redemptionId, update, cancellationToken);
        if (!record.IsSuccess)
        {
            return Problem.Result(record.Error, req);
        }

        await client.RaiseEventAsync(redemptionId, ShipmentUpdate.EventName, update, cancellationToken);
        var view = RedemptionView.From(record.Value);
        return ApiResult.Accepted(view, view.StatusUrl);
    }

    private async Task StartOnceAsync(DurableTaskClient client, RedemptionRecord record, CancellationToken cancellationToken)
    {
        if (await client.GetInstanceAsync(record.RedemptionId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return;
        }

        var input = new RedemptionInput(record.TenantId, record.RedemptionId, record.MemberId, record.GiftId, settings.ShippingDeadline);
        // An existing instance in any status the client can deduplicate is never replaced: the start fails instead.
        var options = new StartOrchestrationOptions(record.RedemptionId).WithDedupeStatuses([.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses]);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(RedemptionOrchestrator), input, options, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A concurrent duplicate request started it first: one redemption, one instance. Anything else is a fault.
            if (await client.GetInstanceAsync(record.RedemptionId, getInputsAndOutputs: false, cancellationToken) is null)
            {
                throw;
            }

            logger.LogInformation("Redemption {RedemptionId} was already started", record.RedemptionId);
        }
    }
}
