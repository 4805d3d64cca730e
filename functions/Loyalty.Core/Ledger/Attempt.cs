using Loyalty.Core.Common;

namespace Loyalty.Core.Ledger;

/// <summary>
/// How one round of a read-decide-commit step under <see cref="LedgerRetryPolicy"/> ended: with a result (a value or a
/// business error), or with its guarded write refused (<see cref="Attempt.Again"/>), so it must read and decide again.
/// </summary>
public readonly record struct Attempt<T>
{
    private Attempt(Result<T> result, bool again)
    {
        Result = result;
        Again = again;
    }

    public Result<T> Result { get; }

    public bool Again { get; }

    public static implicit operator Attempt<T>(T value) => new(value, false);

    public static implicit operator Attempt<T>(Error error) => new(error, false);

    public static implicit operator Attempt<T>(Result<T> result) => new(result, false);

    public static implicit operator Attempt<T>(Attempt.LostRace lost) => new(default, true);
}

public static class Attempt
{
    /// <summary>The guarded write lost to a concurrent writer (or its outcome is unknown): read and decide again.</summary>
    public static LostRace Again => default;

    /// <summary>The marker behind <see cref="Again"/>; it converts to an <see cref="Attempt{T}"/> of any type.</summary>
    public readonly record struct LostRace;
}
