namespace Loyalty.Core.Gifts;

/// <summary>A catalog entry. <see cref="Stock"/> changes only through reservations and stock adjustments, each guarded by <see cref="ETag"/>.</summary>
public sealed record Gift
{
    public required string TenantId { get; init; }

    public required string GiftId { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Images { get; init; } = [];

    public required GiftKind Kind { get; init; }

    public required long PointsPrice { get; init; }

    public long Stock { get; init; }

    /// <summary>At most this many units per member, counting redemptions that were not cancelled or compensated.</summary>
    public int? PerMemberLimit { get; init; }

    /// <summary>Only members of these tiers may redeem (tier-exclusive gifts); empty means every tier.</summary>
    public IReadOnlyList<string> EligibleTiers { get; init; } = [];

    /// <summary>When redemption opens for everyone; null means as soon as the gift is visible.</summary>
    public DateTimeOffset? OpensAt { get; init; }

    public IReadOnlyList<TierOpening> EarlyAccess { get; init; } = [];

    public DateTimeOffset? VisibleFrom { get; init; }

    public DateTimeOffset? VisibleUntil { get; init; }

    public bool Active { get; init; } = true;

    public CouponTerms? Coupon { get; init; }

    public ServiceTerms? Service { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The row version this copy was read at; null for a gift not yet stored.</summary>
    public string? ETag { get; init; }

    public bool IsVisible(DateTimeOffset now) =>
        Active && (VisibleFrom is null || VisibleFrom <= now) && (VisibleUntil is null || now < VisibleUntil);
}
