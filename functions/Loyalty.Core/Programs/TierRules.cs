namespace Loyalty.Core.Programs;

/// <summary>
/// Member tiers. Qualification counts points EARNED (or cash spent) in the window — never the balance, so spending
/// never demotes. An upgrade is immediate; a tier is then kept until its review date, when it is re-evaluated.
/// </summary>
public sealed record TierRules
{
    public TierBasis Basis { get; init; } = TierBasis.PointsEarned;

    public TierWindow Window { get; init; } = TierWindow.Rolling12Months;

    /// <summary>Months a tier is kept after the period it was earned in ends, before the review can demote it.</summary>
    public int RetentionMonths { get; init; }

    /// <summary>Ordered from lowest to highest; the first has threshold 0.</summary>
    public IReadOnlyList<TierLevel> Levels { get; init; } =
    [
        new TierLevel { Name = "normal", Threshold = 0 },
        new TierLevel { Name = "silver", Threshold = 1000, EarnMultiplier = 1.2m, DiscountRate = 0.02m },
        new TierLevel { Name = "gold", Threshold = 5000, EarnMultiplier = 1.5m, DiscountRate = 0.05m, FreeShipping = true },
        new TierLevel { Name = "diamond", Threshold = 20000, EarnMultiplier = 2m, DiscountRate = 0.1m, FreeShipping = true, Priority = true },
    ];
}

public sealed record TierLevel
{
    public required string Name { get; init; }

    /// <summary>Points earned (or cash spent) in the window needed to reach the tier.</summary>
    public decimal Threshold { get; init; }

    public decimal EarnMultiplier { get; init; } = 1m;

    /// <summary>Member discount as a fraction (0.05 = 5% off).</summary>
    public decimal DiscountRate { get; init; }

    public bool FreeShipping { get; init; }

    public bool Priority { get; init; }
}

public enum TierBasis
{
    PointsEarned,
    Spend,
}

public enum TierWindow
{
    Rolling12Months,
    CalendarYear,
}
