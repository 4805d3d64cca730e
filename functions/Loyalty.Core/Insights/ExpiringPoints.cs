namespace Loyalty.Core.Insights;

/// <summary>Points that expire in one month (<see cref="Month"/> is its 1st).</summary>
public sealed record ExpiringPoints(DateOnly Month, long Points);
