namespace Loyalty.Core.Ledger;

/// <summary>What an operation did, as stored with its idempotency key and returned again on a retry.</summary>
public sealed record LedgerOutcome
{
    public required string IdempotencyKey { get; init; }

    /// <summary>The entry the operation produced (null when it had nothing to do, e.g. an expiry run with nothing due).</summary>
    public LedgerEntry? Entry { get; init; }

    /// <summary>Every entry written in the batch, including expiry that happened to fall due.</summary>
    public IReadOnlyList<LedgerEntry> Entries { get; init; } = [];

    public required BalanceSnapshot Balance { get; init; }

    /// <summary>True when this is the stored result of an earlier attempt with the same idempotency key.</summary>
    public bool Replayed { get; init; }
}

public sealed record BalanceSnapshot(long Balance, long Available, long Pending, long Debt)
{
    /// <summary>Points held by open POS checkouts: in the balance, not available.</summary>
    public long Held { get; init; }
}
