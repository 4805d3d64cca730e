namespace Loyalty.Core.Expiry;

/// <summary>
/// How many members one clearing activity clears at once. Each member is a few sequential storage round trips, so a
/// few at a time keep the storage busy; too many only queue up behind one another (and, on a shared storage account,
/// behind everyone else's requests).
/// </summary>
public sealed record ClearingSettings
{
    public const int MaxParallelism = 64;

    public ClearingSettings(int parallelism)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parallelism, MaxParallelism);
        Parallelism = parallelism;
    }

    public static ClearingSettings Default { get; } = new(8);

    public int Parallelism { get; }
}
