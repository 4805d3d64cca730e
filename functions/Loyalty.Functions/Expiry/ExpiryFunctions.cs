using Loyalty.Core.Common;
using Loyalty.Core.Expiry;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Loyalty.Functions.Expiry;

/// <summary>Clearing of expired points (timer and admin runs with progress) and the forecast of what will expire.</summary>
public sealed class ExpiryFunctions(ApiEndpoint endpoint, ClearingService clearing, ExpiryForecastService forecasts, ILogger<ExpiryFunctions> logger)
{
    /// <summary>Hourly (UTC): every tenant's latest ended local day is cleared once; the instance id makes a double fire a no-op.</summary>
    [Function("ClearExpiredPoints")]
    public async Task Timer([TimerTrigger("0 5 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var started = 0;
        foreach (var (tenantId, date) in await clearing.DueRunsAsync(cancellationToken))
        {
            var run = await clearing.BeginAsync(tenantId, date, ClearingService.TimerOperator, cancellationToken);
            if (run.IsSuccess && await StartOnceAsync(client, run.Value.Run, cancellationToken) is not null)
            {
                started++;
            }
        }

        logger.LogInformation("Clearing timer: {Runs} run(s) started or running", started);
    }

    [Function("StartClearingRun")]
    public Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/admin/clearing-runs")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Admin], async caller =>
        {
            var body = req.ContentLength > 0 || req.ContentType is not null ? await RequestBody.ReadAsync<ClearingRunRequest>(req, cancellationToken) : new ClearingRunRequest(null);
            if (!body.IsSuccess)
            {
                return Problem.Result(body.Error, req);
            }

            var begun = await clearing.BeginAsync(caller.TenantId, body.Value.Date, $"key:{caller.KeyId}", cancellationToken);
            if (!begun.IsSuccess)
            {
                return Problem.Result(begun.Error, req);
            }

            var (run, added) = begun.Value;
            var view = ClearingRunView.From(run, await StartOnceAsync(client, run, cancellationToken));
            return added ? ApiResult.Accepted(view, view.StatusUrl) : ApiResult.Ok(view);
        });

    [Function("GetClearingRun")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/admin/clearing-runs/{runId}")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string runId,
        CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Admin], async caller =>
        {
            var run = await clearing.GetAsync(caller.TenantId, runId, cancellationToken);
            if (!run.IsSuccess)
            {
                return Problem.Result(run.Error, req);
            }

            var instance = await client.GetInstanceAsync(ClearingRunIds.InstanceId(caller.TenantId, run.Value.Date), getInputsAndOutputs: false, cancellationToken);
            return ApiResult.Ok(ClearingRunView.From(run.Value, instance?.RuntimeStatus.ToString()));
        });

    /// <summary>Points expiring per day (or month) from <c>from</c> (default today, tenant time) for <c>days</c> days, read from the members' lots.</summary>
    [Function("GetExpiryForecast")]
    public Task<IActionResult> Forecast(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/admin/expiry-forecast")] HttpRequest req,
        CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Admin], async caller =>
        {
            var query = ForecastQuery.Parse(req.Query);
            return query.IsSuccess
                ? await forecasts.ForecastAsync(caller.TenantId, query.Value.From, query.Value.Days, query.Value.By, cancellationToken).ToHttpAsync(req, ApiResult.Ok)
                : Problem.Result(query.Error, req);
        });

    /// <summary>Starts a run's orchestration once: an existing instance is never replaced, a completed run is not run again.</summary>
    private async Task<string?> StartOnceAsync(DurableTaskClient client, ClearingRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(run);
        var instanceId = ClearingRunIds.InstanceId(run.TenantId, run.Date);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is { } existing)
        {
            return existing.RuntimeStatus.ToString();
        }

        if (run.Status == ClearingRunStatus.Completed)
        {
            // Done earlier (the dev host forgets instances on restart): the record is the truth, nothing runs again.
            return null;
        }

        var options = new StartOrchestrationOptions(instanceId).WithDedupeStatuses([.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses]);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(ClearingOrchestrator), new ClearingInput(run.TenantId, run.Date), options, cancellationToken);
            logger.LogInformation("Clearing {InstanceId} started", instanceId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A concurrent start (timer and admin) won: one run, one instance. Anything else is a fault.
            if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is null)
            {
                throw;
            }
        }

        return OrchestrationRuntimeStatus.Pending.ToString();
    }
}
