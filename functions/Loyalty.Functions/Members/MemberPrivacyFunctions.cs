using Loyalty.Core.Audit;
using Loyalty.Core.Common;
using Loyalty.Core.Members;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Audit;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Members;

/// <summary>The member's data rights (PIPL/GDPR), admin only: access (everything held, as JSON) and erasure on request (注销), both audited with the key that did them.</summary>
public sealed class MemberPrivacyFunctions(ApiEndpoint endpoint, ErasureService erasure, MemberExportService exports, AdminAudit audit)
{
    [Function("ExportMember")]
    public Task<IActionResult> Export(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/members/{memberId}/export")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Admin], caller =>
        {
            var member = new MemberKey(caller.TenantId, memberId);
            var exportId = Guid.NewGuid().ToString("N");
            return exports.ExportAsync(member, cancellationToken)
                .AuditedAsync(audit, e => AuditRecord.Exported(caller, member, exportId, e.ExportedAt), cancellationToken)
                .ToHttpAsync(req, ApiResult.Ok);
        });

    [Function("EraseMember")]
    public Task<IActionResult> Erase(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "v1/members/{memberId}")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Admin], Headers.RequiredIdempotencyKey, async (caller, key) =>
        {
            var request = await ReadErasureAsync(req, cancellationToken);
            if (!request.IsSuccess)
            {
                return Problem.Result(request.Error, req);
            }

            var member = new MemberKey(caller.TenantId, memberId);
            return await erasure.EraseAsync(member, request.Value, key, MemberProfileFunctions.Operator(caller), cancellationToken)
                .AuditedAsync(audit, o => AuditRecord.Of(caller, AuditAction.Erase, member, o), cancellationToken)
                .ToHttpAsync(req, ApiResult.Ok);
        });

    /// <summary>The reason comes as <c>?reason=</c> (some clients send no body with DELETE) or as a JSON body, not both.</summary>
    private static async Task<Result<ErasureRequest>> ReadErasureAsync(HttpRequest req, CancellationToken cancellationToken)
    {
        var hasBody = req.ContentLength > 0 || (req.ContentLength is null && req.Body.CanSeek && req.Body.Length > 0) || req.ContentType is { Length: > 0 };
        if (!req.Query.TryGetValue("reason", out var reason))
        {
            return hasBody ? await RequestBody.ReadAsync<ErasureRequest>(req, cancellationToken) : new ErasureRequest(null);
        }

        return hasBody
            ? Error.BadRequest("reason-twice", "Send the reason either as ?reason= or in the JSON body, not both.", "reason")
            : new ErasureRequest(reason.ToString());
    }
}
