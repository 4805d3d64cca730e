using Loyalty.Core.Audit;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Referrals;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Audit;
using Loyalty.Functions.Http;
using Loyalty.Functions.Referrals;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Loyalty.Functions.Members;

public sealed class MemberFunctions(ApiEndpoint endpoint, MemberService members, MemberSearch search, AdjustmentService adjustments, AdminAudit audit)
{
    /// <summary><c>?phone=</c> finds one member for any key; the filtered list (every other parameter) is for admins.</summary>
    [Function("ListMembers")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/members")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], async caller =>
        {
            if (req.Query.ContainsKey("phone"))
            {
                // "code" is the Functions key when sent in the query rather than the header.
                var other = req.Query.Keys.FirstOrDefault(k => k is not "phone" and not "code");
                return other is not null
                    ? Problem.Result(Error.BadRequest("invalid-query", "phone finds one member and takes no other parameter.", other), req)
                    : await search.ByPhoneAsync(caller.TenantId, req.Query["phone"].ToString(), cancellationToken).ToHttpAsync(req, ApiResult.Ok);
            }

            if (caller.Scope != ApiKeyScope.Admin)
            {
                return Problem.Result(new Error(ErrorKind.Forbidden, "scope-not-allowed", "Listing members needs an admin key; pos and storefront keys find a member by ?phone=."), req);
            }

            var query = MemberListQueryParser.Parse(req.Query);
            return query.IsSuccess
                ? await search.ListAsync(caller.TenantId, query.Value, cancellationToken).ToHttpAsync(req, ApiResult.Ok)
                : Problem.Result(query.Error, req);
        });

    /// <summary>Registers a member; with <c>referralCode</c> the referral is recorded and the referee's driver started.</summary>
    [Function("RegisterMember")]
    public Task<IActionResult> Register(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        endpoint.RunAsync<RegisterMember>(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], async (caller, body) =>
        {
            var registered = await members.RegisterAsync(caller.TenantId, body, cancellationToken);
            if (registered is { IsSuccess: true, Value.Member.Referral.Status: ReferralStatus.Waiting or ReferralStatus.Rewarded })
            {
                await ReferralDrivers.EnsureRunningAsync(client, caller.TenantId, registered.Value.Member.MemberId, cancellationToken);
            }

            return registered.IsSuccess
                ? registered.Value.Created
                    ? ApiResult.Created(registered.Value.Member, $"/api/v1/members/{Uri.EscapeDataString(registered.Value.Member.MemberId)}")
                    : ApiResult.Ok(registered.Value.Member)
                : Problem.Result(registered.Error, req);
        }, cancellationToken);

    [Function("GetMember")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/members/{memberId}")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], caller =>
            members.GetAsync(new MemberKey(caller.TenantId, memberId), cancellationToken).ToHttpAsync(req, ApiResult.Ok));

    [Function("GetMemberLedger")]
    public Task<IActionResult> Ledger(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/members/{memberId}/ledger")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], async caller =>
        {
            var query = LedgerQueryParser.Parse(req.Query);
            return query.IsSuccess
                ? await members.GetLedgerAsync(new MemberKey(caller.TenantId, memberId), query.Value, cancellationToken)
                    .ToHttpAsync(req, p => ApiResult.Ok(p))
                : Problem.Result(query.Error, req);
        });

    [Function("GetMemberLots")]
    public Task<IActionResult> Lots(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/members/{memberId}/lots")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], caller =>
            members.GetLotsAsync(new MemberKey(caller.TenantId, memberId), cancellationToken).ToHttpAsync(req, l => ApiResult.Ok(new LotList(l))));

    [Function("AdjustMemberPoints")]
    public Task<IActionResult> Adjust(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members/{memberId}/adjustments")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync<Adjustment>(req, [ApiKeyScope.Admin], Headers.RequiredIdempotencyKey, (caller, key, body) =>
            adjustments.AdjustAsync(new MemberKey(caller.TenantId, memberId), body, key, $"key:{caller.KeyId}", cancellationToken)
                .AuditedAsync(audit, o => AuditRecord.Of(caller, AuditAction.Adjustment, new MemberKey(caller.TenantId, memberId), o), cancellationToken)
                .ToHttpAsync(req, o => o.Replayed ? ApiResult.Ok(o) : new ApiResult(StatusCodes.Status201Created, o)), cancellationToken);
}
