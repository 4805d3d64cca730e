namespace Loyalty.Core.Programs;

/// <summary>How purchases earn points. Earning always floors: a member never gets a fraction of a point.</summary>
public sealed record EarningRules
{
    /// <summary>Points for every <see cref="BaseRatePer"/> of cash paid (e.g. 1 point per 1 yuan, or 1 per 10 yuan). 0 turns the base rate off (ladder only).</summary>
    public decimal BaseRatePoints { get; init; } = 1m;

    public decimal BaseRatePer { get; init; } = 1m;

    /// <summary>Order-level bonus by cash spent on earning lines: the highest step reached applies (e.g. ≥100 → 10, ≥200 → 25).</summary>
    public IReadOnlyList<LadderStep> Ladder { get; init; } = [];

    /// <summary>Multipliers by category (high-margin goods earn ×2); a SKU multiplier wins over its category's.</summary>
    public IReadOnlyDictionary<string, decimal> CategoryMultipliers { get; init; } = new Dictionary<string, decimal>();

    public IReadOnlyDictionary<string, decimal> SkuMultipliers { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Lines that never earn (gift cards, tobacco...), and do not count toward the ladder either.</summary>
    public IReadOnlyList<string> ExcludedCategories { get; init; } = [];

    public IReadOnlyList<string> ExcludedSkus { get; init; } = [];

    public IReadOnlyList<Campaign> Campaigns { get; init; } = [];

    public CampaignStacking CampaignStacking { get; init; } = CampaignStacking.Highest;

    public BirthdayBenefit? Birthday { get; init; }

    /// <summary>New points stay pending this many days after the purchase completes (the return window).</summary>
    public int ReturnWindowDays { get; init; }

    /// <summary>Largest number of points one order can earn (0 = no cap).</summary>
    public long MaxPointsPerOrder { get; init; }
}
