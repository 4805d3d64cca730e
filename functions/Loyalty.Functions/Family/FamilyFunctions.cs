using Loyalty.Core.Family;
using Loyalty.Core.Members;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Family;

/// <summary>Family binding (invite, accept, unbind) and points transfers between bound members.</summary>
public sealed class FamilyFunctions(ApiEndpoint endpoint, FamilyService family, TransferService transfers)
{
    [Function("InviteFamilyMember")]
    public Task<IActionResult> Invite(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/family/invitations")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync<InviteRequest>(req, [ApiKeyScope.Storefront], Headers.RequiredIdempotencyKey, (caller, key, body) =>
            family.InviteAsync(caller.TenantId, body, key, cancellationToken).ToHttpAsync(req, i => ApiResult.Created(InvitationView.From(i), $"/api/v1/family/invitations/{i.InvitationId}")), cancellationToken);

    [Function("AcceptFamilyInvitation")]
    public Task<IActionResult> Accept(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/family/invitations/{invitationId}/accept")] HttpRequest req, string invitationId, CancellationToken cancellationToken) =>
        endpoint.RunAsync<AcceptInvitationRequest>(req, [ApiKeyScope.Storefront], (caller, body) =>
            family.AcceptAsync(caller.TenantId, invitationId, body, cancellationToken).ToHttpAsync(req, i => ApiResult.Ok(InvitationView.From(i))), cancellationToken);

    [Function("ListFamily")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/members/{memberId}/family")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Storefront], caller =>
            family.ListAsync(new MemberKey(caller.TenantId, memberId), cancellationToken).ToHttpAsync(req, m => ApiResult.Ok(new FamilyList(memberId, m))));

    [Function("UnbindFamilyMember")]
    public Task<IActionResult> Unbind(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "v1/members/{memberId}/family/{relativeId}")] HttpRequest req, string memberId, string relativeId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Storefront], caller =>
            family.UnbindAsync(new MemberKey(caller.TenantId, memberId), relativeId, cancellationToken).ToHttpAsync(req, _ => ApiResult.NoContent()));

    [Function("CreateTransfer")]
    public Task<IActionResult> Transfer(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/transfers")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync<TransferRequest>(req, [ApiKeyScope.Storefront], Headers.RequiredIdempotencyKey, (caller, key, body) =>
            transfers.TransferAsync(caller.TenantId, body, key, cancellationToken).ToHttpAsync(req, t => ApiResult.Created(TransferView.From(t), $"/api/v1/transfers/{t.TransferId}")), cancellationToken);

    [Function("GetTransfer")]
    public Task<IActionResult> GetTransfer(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/transfers/{transferId}")] HttpRequest req, string transferId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Storefront], caller =>
            transfers.GetAsync(caller.TenantId, transferId, cancellationToken).ToHttpAsync(req, t => ApiResult.Ok(TransferView.From(t))));
}
