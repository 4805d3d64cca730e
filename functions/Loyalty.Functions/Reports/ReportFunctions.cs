using Loyalty.Core.Insights;
using Loyalty.Core.Insights.Projections;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Reports;

/// <summary>The merchant's reports, for admins of the caller's tenant, read from the projections.</summary>
public sealed class ReportFunctions(ApiEndpoint endpoint, InsightsReports reports)
{
    [Function("GetLiabilityReport")]
    public Task<IActionResult> Liability(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/reports/liability")] HttpRequest req, CancellationToken cancellationToken) =>
        OverRangeAsync(req, async (tenantId, range) => await reports.LiabilityAsync(tenantId, range, cancellationToken));

    [Function("GetPointsFlowTotals")]
    public Task<IActionResult> FlowTotals(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/reports/points-flow/totals")] HttpRequest req, CancellationToken cancellationToken) =>
        OverRangeAsync(req, async (tenantId, range) => await reports.FlowTotalsAsync(tenantId, range, cancellationToken));

    /// <summary>An admin's report over <c>?from=&amp;to=</c>; a bad range is the 400 that names the field.</summary>
    private Task<IActionResult> OverRangeAsync(HttpRequest req, Func<string, DateRange, Task<object>> report) =>
        endpoint.RunAsync(req, [ApiKeyScope.Admin], async caller =>
        {
            var range = ReportRangeQuery.Parse(req.Query);
            return range.IsSuccess ? ApiResult.Ok(await report(caller.TenantId, range.Value)) : Problem.Result(range.Error, req);
        });
}
