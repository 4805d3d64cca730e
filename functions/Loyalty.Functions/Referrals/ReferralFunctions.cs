using Loyalty.Core.Members;
using Loyalty.Core.Referrals;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Referrals;

public sealed class ReferralFunctions(ApiEndpoint endpoint, ReferralService referrals)
{
    [Function("GetMemberReferralCode")]
    public Task<IActionResult> Card(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/members/{memberId}/referral")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], caller =>
            referrals.GetCardAsync(new MemberKey(caller.TenantId, memberId), cancellationToken).ToHttpAsync(req, ApiResult.Ok));
}
