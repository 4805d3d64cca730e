using Loyalty.Core.Common;
using Loyalty.Core.Freezes;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Freezes;

/// <summary>Admin freeze and unfreeze of a member (fraud or dispute investigations); both are ledger entries.</summary>
public sealed class FreezeFunctions(ApiAuthenticator auth, FreezeService freezes)
{
    [Function("FreezeMember")]
    public Task<IActionResult> Freeze(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members/{memberId}/freeze")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        RunAsync(req, memberId, freezes.FreezeAsync, cancellationToken);

    [Function("UnfreezeMember")]
    public Task<IActionResult> Unfreeze(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/members/{memberId}/unfreeze")] HttpRequest req, string memberId, CancellationToken cancellationToken) =>
        RunAsync(req, memberId, freezes.UnfreezeAsync, cancellationToken);

    private async Task<IActionResult> RunAsync(
        HttpRequest req,
        string memberId,
        Func<MemberKey, FreezeRequest, string, string, CancellationToken, Task<Result<LedgerOutcome>>> operation,
        CancellationToken cancellationToken)
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

        var body = await RequestBody.ReadAsync<FreezeRequest>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var outcome = await operation(new MemberKey(caller.Value.TenantId, memberId), body.Value, key.Value, $"key:{caller.Value.KeyId}", cancellationToken);
        return outcome.ToHttp(req, ApiResult.Ok);
    }
}
