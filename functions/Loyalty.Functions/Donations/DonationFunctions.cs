using Loyalty.Core.Donations;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Donations;

public sealed class DonationFunctions(ApiEndpoint endpoint, DonationService donations)
{
    [Function("PutCharityProject")]
    public Task<IActionResult> PutProject(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "v1/charity-projects/{projectId}")] HttpRequest req, string projectId, CancellationToken cancellationToken) =>
        endpoint.RunAsync<CharityProjectRequest>(req, [ApiKeyScope.Admin], (caller, body) =>
            donations.SaveProjectAsync(caller.TenantId, projectId, body, cancellationToken).ToHttpAsync(req, p => ApiResult.Ok(CharityProjectView.From(p))), cancellationToken);

    [Function("GetCharityProject")]
    public Task<IActionResult> GetProject(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/charity-projects/{projectId}")] HttpRequest req, string projectId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Storefront, ApiKeyScope.Pos], caller =>
            donations.GetProjectAsync(caller.TenantId, projectId, cancellationToken).ToHttpAsync(req, p => ApiResult.Ok(CharityProjectView.From(p))));

    [Function("Donate")]
    public Task<IActionResult> Donate(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/donations")] HttpRequest req, CancellationToken cancellationToken) =>
        endpoint.RunAsync<DonationRequest>(req, [ApiKeyScope.Storefront], Headers.RequiredIdempotencyKey, (caller, key, body) =>
            donations.DonateAsync(caller.TenantId, body, key, cancellationToken).ToHttpAsync(req, r => new ApiResult(StatusCodes.Status201Created, r)), cancellationToken);

}
