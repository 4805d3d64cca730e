using Loyalty.Core.Lottery;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Lotteries;

/// <summary>Merchants publish lotteries (cost, prizes, odds); members draw with their points.</summary>
public sealed class LotteryFunctions(ApiAuthenticator auth, LotteryService lotteries)
{
    [Function("PutLottery")]
    public async Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "v1/lotteries/{lotteryId}")] HttpRequest req, string lotteryId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Admin);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var body = await RequestBody.ReadAsync<LotteryRequest>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var lottery = await lotteries.SaveAsync(caller.Value.TenantId, lotteryId, body.Value, cancellationToken);
        return lottery.ToHttp(req, ApiResult.Ok);
    }

    [Function("GetLottery")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/lotteries/{lotteryId}")] HttpRequest req, string lotteryId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Storefront, ApiKeyScope.Pos);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var lottery = await lotteries.GetAsync(caller.Value.TenantId, lotteryId, cancellationToken);
        return lottery.ToHttp(req, ApiResult.Ok);
    }

    [Function("DrawLottery")]
    public async Task<IActionResult> Draw(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/lotteries/{lotteryId}/draws")] HttpRequest req, string lotteryId, CancellationToken cancellationToken)
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

        var body = await RequestBody.ReadAsync<DrawRequest>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var draw = await lotteries.DrawAsync(caller.Value.TenantId, lotteryId, body.Value, key.Value, cancellationToken);
        return draw.ToHttp(req, d => new ApiResult(StatusCodes.Status201Created, d));
    }
}
