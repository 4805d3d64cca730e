using Loyalty.Core.Common;

namespace Loyalty.Core.Ledger;

/// <summary>
/// The one optimistic-concurrency retry: run a read-decide-commit step; when its guarded write lost the race
/// (<see cref="Attempt.Again"/>), wait a jittered, exponentially growing delay and run it again, at most
/// <see cref="MaxAttempts"/> times in all, then give up with the caller's outcome. The jitter spreads writers that
/// collided, so they do not hammer one partition in step.
/// </summary>
public sealed record LedgerRetryPolicy
{
    public LedgerRetryPolicy(int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        MaxAttempts = maxAttempts;
        BaseDelay = baseDelay;
        MaxDelay = maxDelay;
    }

    /// <summary>The error code of giving up: the request may succeed if sent again (with the same idempotency key).</summary>
    public const string ConcurrentUpdate = "concurrent-update";

    public static LedgerRetryPolicy Default { get; } = new(40, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(250));

    public int MaxAttempts { get; }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxDelay { get; }

    /// <summary>Where the jitter comes from: a number in [0, 1) for each delay. Tests set a fixed one.</summary>
    public Func<double> Jitter { get; init; } = SharedJitter;

    /// <summary>The longest wait after the <paramref name="attempt"/>-th failed attempt: doubling from <see cref="BaseDelay"/>, capped at <see cref="MaxDelay"/>.</summary>
    public TimeSpan Ceiling(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);
        return TimeSpan.FromMilliseconds(Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16))));
    }

    /// <summary>The wait after the <paramref name="attempt"/>-th failed attempt: a jittered share of <see cref="Ceiling"/> ("full jitter").</summary>
    public TimeSpan Delay(int attempt)
    {
        var share = Jitter();
        if (share is < 0 or >= 1)
        {
            throw new InvalidOperationException($"Jitter must lie in [0, 1); it gave {share}.");
        }

        return Ceiling(attempt) * share;
    }

    /// <summary>
    /// Runs <paramref name="step"/> until it ends with a result (success or a business error, returned as it is) or
    /// has asked <see cref="MaxAttempts"/> times to go again; then the outcome is a <see cref="ConcurrentUpdate"/>
    /// conflict saying <paramref name="gaveUp"/>.
    /// Backoff is infrastructure time, not business time: it must not wait on a test clock.
    /// </summary>
    public async Task<Result<T>> RunAsync<T>(Func<Task<Attempt<T>>> step, string gaveUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(gaveUp);
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await step();
            if (!outcome.Again)
            {
                return outcome.Result;
            }

            if (attempt >= MaxAttempts)
            {
                return Error.Conflict(ConcurrentUpdate, gaveUp);
            }

            await Task.Delay(Delay(attempt), cancellationToken);
        }
    }

    /// <summary>Like <see cref="RunAsync{T}"/> for a step that must not fail for a business reason: giving up is an infrastructure fault and throws.</summary>
    public async Task<T> RunOrThrowAsync<T>(Func<Task<Attempt<T>>> step, string gaveUp, CancellationToken cancellationToken)
    {
        var result = await RunAsync(step, gaveUp, cancellationToken);
        return result.IsSuccess
            ? result.Value
            : throw new InvalidOperationException(result.Error.Code == ConcurrentUpdate ? $"{gaveUp} (after {MaxAttempts} attempts)" : result.Error.Message);
    }

#pragma warning disable CA5394 // Jitter only spreads retries; it needs no cryptographic strength.
    private static double SharedJitter() => Random.Shared.NextDouble();
#pragma warning restore CA5394
}
