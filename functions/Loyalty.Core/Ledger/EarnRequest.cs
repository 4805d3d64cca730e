namespace Loyalty.Core.Ledger;

/// <summary>
/// Points to credit. <see cref="AvailableAt"/> in the future makes them pending (return window, incomplete order).
/// Lots tied to an order keep their own identity so a refund can find them; other credits merge by expiry date.
/// </summary>
public sealed record EarnRequest(long Points, DateTimeOffset ExpiresAt, string Source, string? Reference, string? Reason)
{
    public DateTimeOffset? AvailableAt { get; init; }

    public LedgerEntryType Type { get; init; } = LedgerEntryType.Earn;

    /// <summary>False keeps the credit in a lot of its own (needed when a later refund must claw it back).</summary>
    public bool Mergeable { get; init; } = true;

    public IReadOnlyDictionary<string, string>? Details { get; init; }
}
