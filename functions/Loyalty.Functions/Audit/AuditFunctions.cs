using Loyalty.Core.Audit;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Audit;

/// <summary>The tenant's audit log of admin actions, for admins.</summary>
public sealed class AuditFunctions(ApiEndpoint endpoint, AdminAudit audit)
{
    [Function("ListAdminAudit")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/admin/audit")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Admin], async caller =>
        {
            var query = AuditQueryParser.Parse(req.Query);
            return query.IsSuccess
                ? await audit.ListAsync(caller.TenantId, query.Value, cancellationToken).ToHttpAsync(req, ApiResult.Ok)
                : Problem.Result(query.Error, req);
        });
}
