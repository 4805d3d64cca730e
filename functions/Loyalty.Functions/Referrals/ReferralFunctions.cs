using Loyalty.Core.Members;
using Loyalty.Core.Referrals;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Loyalty.Functions.Members;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Loyalty.Functions.Referrals;

public sealed class ReferralFunctions(ApiEndpoint endpoint, ReferralService referrals, ReferralEnrolment enrolment, IReferralStore store, ITenantStore tenants, ILogger<ReferralFunctions> logger)
{
    public const int MaxPageSize = 100;

    [Function("GetMemberReferralCode")]
    public Task<IActionResult> Card(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/members/{memberId}/referral")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], caller =>
            referrals.GetCardAsync(new MemberKey(caller.TenantId, memberId), cancellationToken).ToHttpAsync(req, ApiResult.Ok));

    /// <summary>Names who referred an existing member (within the program's referrer window) and starts the referee's driver.</summary>
    [Function("NameMemberReferrer")]
    public Task<IActionResult> NameReferrer(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members/{memberId}/referrer")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string memberId,
        CancellationToken cancellationToken) =>
        endpoint.RunAsync<ReferrerRequest>(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], async (caller, body) =>
        {
            var referral = await enrolment.NameReferrerAsync(new MemberKey(caller.TenantId, memberId), body.ReferralCode, cancellationToken);
            if (referral is { IsSuccess: true, Value.IsOpen: true })
            {
                await ReferralDrivers.EnsureRunningAsync(client, caller.TenantId, memberId, cancellationToken);
            }

            return referral.IsSuccess ? ApiResult.Ok(ReferralView.From(referral.Value)) : Problem.Result(referral.Error, req);
        }, cancellationToken);

    /// <summary>The members this member referred, each with its status (waiting, rewarded, expired, rejected with reason) and the points it earned.</summary>
    [Function("ListMemberReferrals")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/members/{memberId}/referrals")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], async caller =>
        {
            var page = LedgerQueryParser.ParsePage(req.Query, MaxPageSize);
            return page.IsSuccess
                ? await referrals.ListAsync(new MemberKey(caller.TenantId, memberId), page.Value.PageSize, page.Value.Token, cancellationToken).ToHttpAsync(req, ApiResult.Ok)
                : Problem.Result(page.Error, req);
        });

    /// <summary>
    /// Hourly: the driver of every referral still open is running, or started again. Durable state can be lost (the dev
    /// host keeps it in memory; a task hub can be reset); the referral rows are the truth and say what is left to do.
    /// </summary>
    [Function("RestartReferralDrivers")]
    public async Task Restart([TimerTrigger("0 35 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var started = 0;
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            foreach (var refereeId in await store.ListOpenAsync(tenant.TenantId, cancellationToken))
            {
                if (await ReferralDrivers.EnsureRunningAsync(client, tenant.TenantId, refereeId, cancellationToken))
                {
                    started++;
                }
            }
        }

        logger.LogInformation("Referral drivers: {Started} re-started", started);
    }
}
