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
public sealed class GiftFunctions(ApiEndpoint endpoint, GiftService gifts)
{
    [Function("PutGift")]
    public Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "v1/gifts/{giftId}")] HttpRequest req, string giftId, CancellationToken cancellationToken) =>
        endpoint.RunAsync<GiftDefinition>(req, [ApiKeyScope.Admin], (caller, body) =>
            gifts.PutAsync(caller.TenantId, giftId, body, cancellationToken).ToHttpAsync(req, r => r.Created
                ? ApiResult.Created(GiftView.From(r.Gift), GiftView.UrlFor(giftId))
                : ApiResult.Ok(GiftView.From(r.Gift))), cancellationToken);

    [Function("GetGift")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/gifts/{giftId}")] HttpRequest req, string giftId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], caller =>
            gifts.GetAsync(caller.TenantId, giftId, cancellationToken).ToHttpAsync(req, g => ApiResult.Ok(GiftView.From(g))));

    [Function("ListGifts")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/gifts")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        return await endpoint.RunAsync(req, [ApiKeyScope.Pos, ApiKeyScope.Storefront], async caller =>
        {
            var pageSize = 50;
            if (req.Query.TryGetValue("pageSize", out var size) && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 100))
            {
                return Problem.Result(Error.BadRequest("invalid-page-size", "pageSize must be a whole number from 1 to 100.", "pageSize"), req);
            }

            var includeHidden = caller.Scope == ApiKeyScope.Admin;
            var page = await gifts.ListAsync(caller.TenantId, includeHidden, pageSize, req.Query["continuationToken"].ToString() is { Length: > 0 } token ? token : null, cancellationToken);
            return page.ToHttp(req, p => ApiResult.Ok(new GiftList([.. p.Gifts.Select(GiftView.From)], p.ContinuationToken)));
        });
    }

    [Function("AdjustGiftStock")]
    public Task<IActionResult> AdjustStock(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/gifts/{giftId}/stock")] HttpRequest req, string giftId, CancellationToken cancellationToken) =>
        endpoint.RunAsync<StockAdjustment>(req, [ApiKeyScope.Admin], Headers.RequiredIdempotencyKey, (caller, key, body) =>
            gifts.AdjustStockAsync(caller.TenantId, giftId, body.Delta ?? 0, $"request:{key}", cancellationToken).ToHttpAsync(req, g => ApiResult.Ok(GiftView.From(g))), cancellationToken);

    [Function("LoadGiftCodes")]
    public Task<IActionResult> LoadCodes(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/gifts/{giftId}/codes")] HttpRequest req, string giftId, CancellationToken cancellationToken) =>
        endpoint.RunAsync<CodeLoad>(req, [ApiKeyScope.Admin], Headers.RequiredIdempotencyKey, (caller, key, body) =>
            gifts.LoadCodesAsync(caller.TenantId, giftId, body.Codes, key, cancellationToken).ToHttpAsync(req, l => ApiResult.Ok(new CodeLoadResult(l.Added, l.Gift.Stock))), cancellationToken);
}
