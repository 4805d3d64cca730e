namespace Loyalty.Core.Programs;

/// <summary>How purchases earn points. Earning always floors: a member never gets a fraction of a point.</summary>
public sealed record EarningRules
{
    /// <summary>Points for every <see cref="BaseRatePer"/> of cash paid (e.g. 1 point per 1 yuan, or 1 per 10 yuan).</summary>
    public decimal BaseRatePoints { get; init; } = 1m;

    public decimal BaseRatePer { get; init; } = 1m;

    /// <summary>New points stay pending this many days after the purchase (the return window).</summary>
    public int ReturnWindowDays { get; init; }

    /// <summary>Largest number of points one order can earn (0 = no cap).</summary>
    public long MaxPointsPerOrder { get; init; }
}
