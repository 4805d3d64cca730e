namespace Loyalty.Core.Events;

/// <summary>
/// One outbound fact about a member's points. <see cref="EventId"/> is stable across retries (the ledger entry id, or
/// derived from it), so a consumer or the broker can drop a duplicate.
/// </summary>
public sealed record LoyaltyEvent
{
    public required string EventId { get; init; }

    /// <summary>One of <see cref="LoyaltyEventTypes"/>, e.g. <c>points.earned</c>.</summary>
    public required string Type { get; init; }

    public required string TenantId { get; init; }

    public required string MemberId { get; init; }

    /// <summary>
    /// The member's event number: 1 for <c>member.registered</c>, then one more for every event of the member's ledger,
    /// without gaps (a counter on the account row advanced in the same batch). 0 for events outside the ledger.
    /// </summary>
    public long Sequence { get; init; }

    /// <summary>The ledger entry this event reports (or that caused it, for <c>tier.changed</c>); null for events outside the ledger.</summary>
    public string? EntryId { get; init; }

    public long Delta { get; init; }

    public long BalanceAfter { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Order id, redemption id or other business reference of the entry.</summary>
    public string? Reference { get; init; }

    /// <summary><c>tier.changed</c> only: the tier before and after.</summary>
    public string? PreviousTier { get; init; }

    public string? Tier { get; init; }

    /// <summary>The entry's explanations (counterparty, lottery seed and prize, referee, expiry date...): ids and codes, never a name or phone.</summary>
    public IReadOnlyDictionary<string, string>? Details { get; init; }
}
