using Loyalty.Core.Donations;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Donations;

public sealed class DonationFunctions(ApiAuthenticator auth, DonationService donations)
{
    [Function("PutCharityProject")]
    public async Task<IActionResult> PutProject(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "v1/charity-projects/{projectId}")] HttpRequest req, string projectId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Admin);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var body = await RequestBody.ReadAsync<CharityProjectRequest>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var project = await donations.SaveProjectAsync(caller.Value.TenantId, projectId, body.Value, cancellationToken);
        return project.ToHttp(req, p => ApiResult.Ok(View(p)));
    }

    [Function("GetCharityProject")]
    public async Task<IActionResult> GetProject(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/charity-projects/{projectId}")] HttpRequest req, string projectId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Storefront, ApiKeyScope.Pos);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var project = await donations.GetProjectAsync(caller.Value.TenantId, projectId, cancellationToken);
        return project.ToHttp(req, p => ApiResult.Ok(View(p)));
    }

    [Function("Donate")]
    public async Task<IActionResult> Donate(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/donations")] HttpRequest req, CancellationToken cancellationToken)
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

        var body = await RequestBody.ReadAsync<DonationRequest>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var receipt = await donations.DonateAsync(caller.Value.TenantId, body.Value, key.Value, cancellationToken);
        return receipt.ToHttp(req, r => new ApiResult(StatusCodes.Status201Created, r));
    }

    private static object View(CharityProject p) => new { p.ProjectId, p.Name, p.Description, p.Active, p.TotalPoints, p.Donations, p.UpdatedAt };
}
