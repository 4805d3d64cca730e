using Loyalty.Core.Audit;
using Loyalty.Core.Members;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Audit;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Members;

/// <summary>A member's profile and communication preferences; every change is an entry in the member's history with the operator.</summary>
public sealed class MemberProfileFunctions(ApiEndpoint endpoint, ProfileService profiles, AdminAudit audit)
{
    [Function("PutMemberPreferences")]
    public Task<IActionResult> PutPreferences(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "v1/members/{memberId}/preferences")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync<MemberPreferences>(req, [ApiKeyScope.Storefront, ApiKeyScope.Pos], Headers.OptionalIdempotencyKey, (caller, key, body) =>
            profiles.SetPreferencesAsync(new MemberKey(caller.TenantId, memberId), body, key, Operator(caller), cancellationToken)
                .AuditedAsync(audit, u => ByAdmin(caller, memberId, u.Outcome), cancellationToken)
                .ToHttpAsync(req, u => ApiResult.Ok(u.View)), cancellationToken);

    [Function("UpdateMember")]
    public Task<IActionResult> Patch(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "v1/members/{memberId}")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync<UpdateProfile>(req, [ApiKeyScope.Storefront, ApiKeyScope.Pos], Headers.OptionalIdempotencyKey, (caller, key, body) =>
            profiles.UpdateAsync(new MemberKey(caller.TenantId, memberId), body, key, Operator(caller), cancellationToken)
                .AuditedAsync(audit, u => ByAdmin(caller, memberId, u.Outcome), cancellationToken)
                .ToHttpAsync(req, u => ApiResult.Ok(u.View)), cancellationToken);

    internal static string Operator(TenantCaller caller) => $"key:{caller.KeyId}";

    /// <summary>Profile changes by the till or the storefront are the member's own business; an admin's are audited.</summary>
    private static AuditRecord? ByAdmin(TenantCaller caller, string memberId, Core.Ledger.LedgerOutcome outcome) =>
        caller.Scope == ApiKeyScope.Admin ? AuditRecord.Of(caller, AuditAction.ProfileChange, new MemberKey(caller.TenantId, memberId), outcome) : null;
}
