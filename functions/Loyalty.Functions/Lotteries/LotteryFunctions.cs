using Loyalty.Core.Lottery;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Lotteries;

/// <summary>Merchants publish lotteries (cost, prizes, odds); members draw with their points.</summary>
public sealed class LotteryFunctions(ApiEndpoint endpoint, LotteryService lotteries)
{
    [Function("PutLottery")]
    public Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "v1/lotteries/{lotteryId}")] HttpRequest req, string lotteryId, CancellationToken cancellationToken) =>
        endpoint.RunAsync<LotteryRequest>(req, [ApiKeyScope.Admin], (caller, body) =>
            lotteries.SaveAsync(caller.TenantId, lotteryId, body, cancellationToken).ToHttpAsync(req, ApiResult.Ok), cancellationToken);

    [Function("GetLottery")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/lotteries/{lotteryId}")] HttpRequest req, string lotteryId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Storefront, ApiKeyScope.Pos], caller =>
            lotteries.GetAsync(caller.TenantId, lotteryId, cancellationToken).ToHttpAsync(req, ApiResult.Ok));

    [Function("DrawLottery")]
    public Task<IActionResult> Draw(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/lotteries/{lotteryId}/draws")] HttpRequest req, string lotteryId, CancellationToken cancellationToken) =>
        endpoint.RunAsync<DrawRequest>(req, [ApiKeyScope.Storefront], Headers.RequiredIdempotencyKey, (caller, key, body) =>
            lotteries.DrawAsync(caller.TenantId, lotteryId, body, key, cancellationToken).ToHttpAsync(req, d => new ApiResult(StatusCodes.Status201Created, d)), cancellationToken);
}
