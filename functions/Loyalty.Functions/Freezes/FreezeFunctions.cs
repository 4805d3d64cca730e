using Loyalty.Core.Audit;
using Loyalty.Core.Common;
using Loyalty.Core.Freezes;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Audit;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Freezes;

/// <summary>Admin freeze and unfreeze of a member (fraud or dispute investigations); both are ledger entries.</summary>
public sealed class FreezeFunctions(ApiEndpoint endpoint, FreezeService freezes, AdminAudit audit)
{
    [Function("FreezeMember")]
    public Task<IActionResult> Freeze(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members/{memberId}/freeze")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        RunAsync(req, memberId, AuditAction.Freeze, freezes.FreezeAsync, cancellationToken);

    [Function("UnfreezeMember")]
    public Task<IActionResult> Unfreeze(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members/{memberId}/unfreeze")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        RunAsync(req, memberId, AuditAction.Unfreeze, freezes.UnfreezeAsync, cancellationToken);

    private Task<IActionResult> RunAsync(
        HttpRequest req,
        string memberId,
        AuditAction action,
        Func<MemberKey, FreezeRequest, string, string, CancellationToken, Task<Result<LedgerOutcome>>> operation,
        CancellationToken cancellationToken) =>
        endpoint.RunAsync<FreezeRequest>(req, [ApiKeyScope.Admin], Headers.RequiredIdempotencyKey, (caller, key, body) =>
            operation(new MemberKey(caller.TenantId, memberId), body, key, $"key:{caller.KeyId}", cancellationToken)
                .AuditedAsync(audit, o => AuditRecord.Of(caller, action, new MemberKey(caller.TenantId, memberId), o), cancellationToken)
                .ToHttpAsync(req, ApiResult.Ok), cancellationToken);
}
