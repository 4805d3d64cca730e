using Loyalty.Core.Programs;
using Loyalty.Functions.Purchases;

namespace Loyalty.Functions.Programs;

/// <summary>A basket to evaluate, optionally as a member of a given tier, on their birthday, under proposed rules.</summary>
public sealed record PreviewRequest(PurchaseRequest? Basket, string? Tier, bool? Birthday, ProgramRules? Rules)
{
    public ProgramPreview ToPreview(DateTimeOffset now)
    {
        // A preview basket belongs to no order or member; placeholders keep the purchase validation meaningful.
        var basket = Basket ?? new PurchaseRequest(null, null, null, null, null, null, null);
        basket = basket with { OrderId = basket.OrderId ?? "preview", MemberId = basket.MemberId ?? "preview" };
        return new ProgramPreview(basket.ToPurchase(now), Tier, Birthday ?? false, Rules);
    }
}
