namespace Loyalty.Core.Pos;

/// <summary>How points pay for part of an order at the POS (points as cash).</summary>
public sealed record PointsCashRules
{
    public bool Enabled { get; init; } = true;

    /// <summary>Points that pay one yuan (one major unit of the program currency), e.g. 100 points = 1 yuan.</summary>
    public long PointsPerYuan { get; init; } = 100;

    /// <summary>Fewer points than this cannot be used on an order.</summary>
    public long MinPoints { get; init; }

    /// <summary>Largest share of the order total (after discounts) that points may pay, 0-1.</summary>
    public decimal MaxShareOfOrder { get; init; } = 0.5m;

    /// <summary>Categories points can never pay for (e.g. tobacco, gift cards).</summary>
    public IReadOnlyList<string> ExcludedCategories { get; init; } = [];

    /// <summary>Member price per category as a factor of the list price (0.9 = 10% off for members).</summary>
    public IReadOnlyDictionary<string, decimal> MemberPrices { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Discount factor per member tier (e.g. gold: 0.95); a tier not named here gets its tier level's discount rate.</summary>
    public IReadOnlyDictionary<string, decimal> TierDiscounts { get; init; } = new Dictionary<string, decimal>();

    /// <summary>A hold not captured within this time is released.</summary>
    public int HoldTimeoutMinutes { get; init; } = 15;
}
