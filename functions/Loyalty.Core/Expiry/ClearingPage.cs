namespace Loyalty.Core.Expiry;

/// <summary>What one batch of members' clearing did.</summary>
public sealed record ClearingTally(int Members, long PointsExpired, int Failures)
{
    public static ClearingTally None { get; } = new(0, 0, 0);

    public ClearingTally Add(ClearingTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Members + other.Members, PointsExpired + other.PointsExpired, Failures + other.Failures);
    }
}
