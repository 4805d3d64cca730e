using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Members;

public sealed class MemberFunctions(ApiAuthenticator auth, MemberService members, AdjustmentService adjustments)
{
    [Function("RegisterMember")]
    public async Task<IActionResult> Register(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members")] HttpRequest req, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var body = await RequestBody.ReadAsync<RegisterMember>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var result = await members.RegisterAsync(caller.Value.TenantId, body.Value, cancellationToken);
        return result.ToHttp(req, r => r.Created
            ? ApiResult.Created(r.Member, $"/api/v1/members/{Uri.EscapeDataString(r.Member.MemberId)}")
            : ApiResult.Ok(r.Member));
    }

    [Function("GetMember")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/members/{memberId}")] HttpRequest req, string memberId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var result = await members.GetAsync(new MemberKey(caller.Value.TenantId, memberId), cancellationToken);
        return result.ToHttp(req, ApiResult.Ok);
    }

    [Function("GetMemberLedger")]
    public async Task<IActionResult> Ledger(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/members/{memberId}/ledger")] HttpRequest req, string memberId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var query = LedgerQueryParser.Parse(req.Query);
        if (!query.IsSuccess)
        {
            return Problem.Result(query.Error, req);
        }

        var page = await members.GetLedgerAsync(new MemberKey(caller.Value.TenantId, memberId), query.Value, cancellationToken);
        return page.ToHttp(req, p => ApiResult.Ok(new { entries = p.Entries, continuationToken = p.ContinuationToken }));
    }

    [Function("GetMemberLots")]
    public async Task<IActionResult> Lots(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/members/{memberId}/lots")] HttpRequest req, string memberId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var lots = await members.GetLotsAsync(new MemberKey(caller.Value.TenantId, memberId), cancellationToken);
        return lots.ToHttp(req, l => ApiResult.Ok(new { lots = l }));
    }

    [Function("AdjustMemberPoints")]
    public async Task<IActionResult> Adjust(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members/{memberId}/adjustments")] HttpRequest req, string memberId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Admin);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var key = Headers.RequiredIdempotencyKey(req);
        if (!key.IsSuccess)
        {
            return Problem.Result(key.Error, req);
        }

        var body = await RequestBody.ReadAsync<Adjustment>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var member = new MemberKey(caller.Value.TenantId, memberId);
        var outcome = await adjustments.AdjustAsync(member, body.Value, key.Value, $"key:{caller.Value.KeyId}", cancellationToken);
        return outcome.ToHttp(req, o => o.Replayed ? ApiResult.Ok(o) : new ApiResult(StatusCodes.Status201Created, o));
    }
}
