using Loyalty.Core.Insights.Projections;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Loyalty.Functions.Reports;

/// <summary>The projections the reports read: kept current from the event feed by a timer, rebuilt from the ledger on demand.</summary>
public sealed class ProjectionFunctions(ApiEndpoint endpoint, ITenantStore tenants, InsightsProjector projector, InsightsRebuilder rebuilder, ILogger<ProjectionFunctions> logger)
{
    /// <summary>Pages of the feed one tenant's projector applies in one run (200 events each); the rest waits for the next minute.</summary>
    public const int MaxBatchesPerRun = 25;

    /// <summary>Every minute: applies each tenant's new feed events to its projections, exactly once.</summary>
    [Function("ProjectInsights")]
    public async Task Project([TimerTrigger("30 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            try
            {
                var applied = await projector.ProjectAsync(tenant.TenantId, MaxBatchesPerRun, cancellationToken);
                if (applied > 0)
                {
                    logger.LogInformation("Projections of {TenantId}: {Applied} events applied", tenant.TenantId, applied);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One tenant's fault (a storage error, a rebuild writing at the same time) must not hold up the others;
                // its pending batch is re-applied on the next run.
                logger.LogWarning(ex, "Projections of {TenantId} failed; retried on the next run", tenant.TenantId);
            }
        }
    }

    /// <summary>Recomputes the caller's tenant's projections from the ledger (after a fix, or to start them for an existing tenant).</summary>
    [Function("RebuildProjections")]
    public Task<IActionResult> Rebuild(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/admin/projections/rebuild")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Admin], async caller => ApiResult.Ok(await rebuilder.RebuildAsync(caller.TenantId, cancellationToken)));
}
