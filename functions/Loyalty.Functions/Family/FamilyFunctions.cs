using Loyalty.Core.Family;
using Loyalty.Core.Members;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Family;

/// <summary>Family binding (invite, accept) and points transfers between bound members.</summary>
public sealed class FamilyFunctions(ApiAuthenticator auth, FamilyService family, TransferService transfers)
{
    [Function("InviteFamilyMember")]
    public async Task<IActionResult> Invite(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/family/invitations")] HttpRequest req, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var key = Headers.RequiredIdempotencyKey(req);
        if (!key.IsSuccess)
        {
            return Problem.Result(key.Error, req);
        }

        var body = await RequestBody.ReadAsync<InviteRequest>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var invitation = await family.InviteAsync(caller.Value.TenantId, body.Value, key.Value, cancellationToken);
        return invitation.ToHttp(req, i => ApiResult.Created(View(i), $"/api/v1/family/invitations/{i.InvitationId}"));
    }

    [Function("AcceptFamilyInvitation")]
    public async Task<IActionResult> Accept(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/family/invitations/{invitationId}/accept")] HttpRequest req, string invitationId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var body = await RequestBody.ReadAsync<AcceptInvitationRequest>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var invitation = await family.AcceptAsync(caller.Value.TenantId, invitationId, body.Value, cancellationToken);
        return invitation.ToHttp(req, i => ApiResult.Ok(View(i)));
    }

    [Function("ListFamily")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/members/{memberId}/family")] HttpRequest req, string memberId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var members = await family.ListAsync(new MemberKey(caller.Value.TenantId, memberId), cancellationToken);
        return members.ToHttp(req, m => ApiResult.Ok(new { memberId, family = m }));
    }

    [Function("CreateTransfer")]
    public async Task<IActionResult> Transfer(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/transfers")] HttpRequest req, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var key = Headers.RequiredIdempotencyKey(req);
        if (!key.IsSuccess)
        {
            return Problem.Result(key.Error, req);
        }

        var body = await RequestBody.ReadAsync<TransferRequest>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var transfer = await transfers.TransferAsync(caller.Value.TenantId, body.Value, key.Value, cancellationToken);
        return transfer.ToHttp(req, t => ApiResult.Created(View(t), $"/api/v1/transfers/{t.TransferId}"));
    }

    [Function("GetTransfer")]
    public async Task<IActionResult> GetTransfer(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/transfers/{transferId}")] HttpRequest req, string transferId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var transfer = await transfers.GetAsync(caller.Value.TenantId, transferId, cancellationToken);
        return transfer.ToHttp(req, t => ApiResult.Ok(View(t)));
    }

    private static object View(FamilyInvitation i) => new { i.InvitationId, i.FromMemberId, i.ToMemberId, i.Status, i.CreatedAt, i.AcceptedAt };

    private static object View(TransferRecord t) =>
        new { t.TransferId, t.FromMemberId, t.ToMemberId, t.Points, t.Message, t.Status, t.Portions, t.OutEntryId, t.InEntryId, t.FailureCode, t.FailureReason, t.CreatedAt, t.UpdatedAt };
}
