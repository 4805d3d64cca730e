using Loyalty.Core.Programs;
using Loyalty.Functions.Purchases;

namespace Loyalty.Functions.Programs;

/// <summary>A basket to evaluate, optionally as a member of a given tier, on their birthday, under proposed rules.</summary>
public sealed record PreviewRequest(PurchaseRequest? Basket, string? Tier, bool? Birthday, ProgramRules? Rules)
{
    public ProgramPreview ToPreview(DateTimeOffset now)
    {
        var basket = (Basket ?? new PurchaseRequest("preview", "preview", null, null, null, null, null)) with
        {
            OrderId = Basket?.OrderId ?? "preview",
            MemberId = Basket?.MemberId ?? "preview",
        };
        return new ProgramPreview(basket.ToPurchase(now), Tier, Birthday ?? false, Rules);
    }
}
