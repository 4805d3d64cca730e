namespace Loyalty.Core.Ledger;

/// <summary>Bounded, jittered exponential backoff for optimistic-concurrency conflicts on one member.</summary>
public sealed record LedgerRetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static LedgerRetryPolicy Default { get; } = new(40, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(250));

    public TimeSpan Delay(int attempt)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16)));
#pragma warning disable CA5394 // Jitter only spreads retries; it needs no cryptographic strength.
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
#pragma warning restore CA5394
    }
}
