namespace Loyalty.Core.Ledger;

/// <summary>One immutable line of the points flow (积分流水).</summary>
public sealed record LedgerEntry
{
    public required string EntryId { get; init; }

    public required LedgerEntryType Type { get; init; }

    /// <summary>Signed change of the balance.</summary>
    public required long Delta { get; init; }

    /// <summary>The balance (live lots minus debt, pending included) right after this entry.</summary>
    public required long BalanceAfter { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>Position of the entry within its operation, so entries written in one batch keep their order.</summary>
    public int Sequence { get; init; }

    /// <summary>Order id, redemption id or other business reference.</summary>
    public string? Reference { get; init; }

    public string? Reason { get; init; }

    public string? Operator { get; init; }

    public string? IdempotencyKey { get; init; }

    public int? ProgramVersion { get; init; }

    /// <summary>The lots the entry created or touched, with the points of each.</summary>
    public IReadOnlyDictionary<string, long> Lots { get; init; } = new Dictionary<string, long>();

    /// <summary>Explanations (rules and campaigns that produced the points, counterparty, seed...).</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}
