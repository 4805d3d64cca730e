using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Gifts;
using Loyalty.Core.Tenants;
using Loyalty.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.Functions.Gifts;

/// <summary>The gift catalog: administrators write it, every key reads it (non-admin keys see only visible gifts).</summary>
public sealed class GiftFunctions(ApiAuthenticator auth, GiftService gifts)
{
    [Function("PutGift")]
    public async Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "v1/gifts/{giftId}")] HttpRequest req, string giftId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Admin);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var body = await RequestBody.ReadAsync<GiftDefinition>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var result = await gifts.PutAsync(caller.Value.TenantId, giftId, body.Value, cancellationToken);
        return result.ToHttp(req, r => r.Created
            ? ApiResult.Created(GiftView.From(r.Gift), GiftView.UrlFor(giftId))
            : ApiResult.Ok(GiftView.From(r.Gift)));
    }

    [Function("GetGift")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/gifts/{giftId}")] HttpRequest req, string giftId, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var gift = await gifts.GetAsync(caller.Value.TenantId, giftId, cancellationToken);
        return gift.ToHttp(req, g => ApiResult.Ok(GiftView.From(g)));
    }

    [Function("ListGifts")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/gifts")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var caller = await auth.AuthenticateAsync(req, ApiKeyScope.Pos, ApiKeyScope.Storefront);
        if (!caller.IsSuccess)
        {
            return Problem.Result(caller.Error, req);
        }

        var pageSize = 50;
        if (req.Query.TryGetValue("pageSize", out var size) && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 100))
        {
            return Problem.Result(Error.BadRequest("invalid-page-size", "pageSize must be a whole number from 1 to 100.", "pageSize"), req);
        }

        var includeHidden = caller.Value.Scope == ApiKeyScope.Admin;
        var page = await gifts.ListAsync(caller.Value.TenantId, includeHidden, pageSize, req.Query["continuationToken"].ToString() is { Length: > 0 } token ? token : null, cancellationToken);
        return page.ToHttp(req, p => ApiResult.Ok(new { gifts = p.Gifts.Select(GiftView.From).ToList(), continuationToken = p.ContinuationToken }));
    }

    [Function("AdjustGiftStock")]
    public async Task<IActionResult> AdjustStock(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/gifts/{giftId}/stock")] HttpRequest req, string giftId, CancellationToken cancellationToken)
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

        var body = await RequestBody.ReadAsync<StockAdjustment>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var gift = await gifts.AdjustStockAsync(caller.Value.TenantId, giftId, body.Value.Delta ?? 0, $"request:{key.Value}", cancellationToken);
        return gift.ToHttp(req, g => ApiResult.Ok(GiftView.From(g)));
    }

    [Function("LoadGiftCodes")]
    public async Task<IActionResult> LoadCodes(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/gifts/{giftId}/codes")] HttpRequest req, string giftId, CancellationToken cancellationToken)
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

        var body = await RequestBody.ReadAsync<CodeLoad>(req, cancellationToken);
        if (!body.IsSuccess)
        {
            return Problem.Result(body.Error, req);
        }

        var loaded = await gifts.LoadCodesAsync(caller.Value.TenantId, giftId, body.Value.Codes, key.Value, cancellationToken);
        return loaded.ToHttp(req, l => ApiResult.Ok(new { added = l.Added, stock = l.Gift.Stock }));
    }
}
