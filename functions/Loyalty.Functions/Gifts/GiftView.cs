using Loyalty.Core.Gifts;

namespace Loyalty.Functions.Gifts;

/// <summary>A gift as the catalog API shows it.</summary>
public sealed record GiftView(
    string GiftId,
    string Name,
    string? Description,
    IReadOnlyList<string> Images,
    GiftKind Kind,
    long PointsPrice,
    long Stock,
    int? PerMemberLimit,
    IReadOnlyList<string> EligibleTiers,
    DateTimeOffset? OpensAt,
    IReadOnlyList<TierOpening> EarlyAccess,
    DateTimeOffset? VisibleFrom,
    DateTimeOffset? VisibleUntil,
    bool Active,
    CouponTerms? Coupon,
    ServiceTerms? Service,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static GiftView From(Gift gift)
    {
        ArgumentNullException.ThrowIfNull(gift);
        return new(
            gift.GiftId,
            gift.Name,
            gift.Description,
            gift.Images,
            gift.Kind,
            gift.PointsPrice,
            gift.Stock,
            gift.PerMemberLimit,
            gift.EligibleTiers,
            gift.OpensAt,
            gift.EarlyAccess,
            gift.VisibleFrom,
            gift.VisibleUntil,
            gift.Active,
            gift.Coupon,
            gift.Service,
            gift.CreatedAt,
            gift.UpdatedAt);
    }

    public static string UrlFor(string giftId) => $"/api/v1/gifts/{Uri.EscapeDataString(giftId)}";
}
