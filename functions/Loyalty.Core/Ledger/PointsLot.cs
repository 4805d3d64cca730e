namespace Loyalty.Core.Ledger;

/// <summary>
/// Points earned together: they become available at <see cref="AvailableAt"/> and stop counting at <see cref="ExpiresAt"/>
/// (usable while now &lt; ExpiresAt). Spending lowers <see cref="Remaining"/>; nothing else about a lot changes.
/// </summary>
public sealed record PointsLot(
    string LotId,
    long Points,
    long Remaining,
    DateTimeOffset EarnedAt,
    DateTimeOffset AvailableAt,
    DateTimeOffset ExpiresAt,
    string Source,
    string? Reference)
{
    public static readonly DateTimeOffset NeverExpires = DateTimeOffset.MaxValue;

    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;

    public bool IsPending(DateTimeOffset now) => (AvailableAt > now || Frozen) && !IsExpired(now);

    public bool IsAvailable(DateTimeOffset now) => AvailableAt <= now && !Frozen && !IsExpired(now);

    /// <summary>Earned while the account was frozen: pending until an unfreeze, whatever <see cref="AvailableAt"/> says.</summary>
    public bool Frozen { get; init; }
}
