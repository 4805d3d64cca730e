namespace Loyalty.Core.Gifts;

/// <summary>
/// The body of <c>PUT /api/v1/gifts/{giftId}</c>. Everything is optional here so a missing field is named by the validator
/// (422), not reported as unreadable JSON. Stock is not part of it: it changes only through stock adjustments and code loads.
/// </summary>
public sealed record GiftDefinition(
    string? Name,
    string? Description,
    IReadOnlyList<string>? Images,
    GiftKind? Kind,
    long? PointsPrice,
    int? PerMemberLimit,
    IReadOnlyList<string>? EligibleTiers,
    DateTimeOffset? OpensAt,
    IReadOnlyList<TierOpening>? EarlyAccess,
    DateTimeOffset? VisibleFrom,
    DateTimeOffset? VisibleUntil,
    bool? Active,
    CouponTerms? Coupon,
    ServiceTerms? Service);
