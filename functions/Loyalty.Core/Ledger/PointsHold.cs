namespace Loyalty.Core.Ledger;

public enum HoldStatus
{
    Active,
    Captured,
    Released,
}

/// <summary>
/// Points a POS checkout took out of the member's lots until payment. The hold remembers exactly which lots it took
/// (<see cref="Lots"/>), so a release puts the same points back with the same expiry and a capture only finalizes.
/// While active, held points are part of the balance but not of the available points.
/// </summary>
public sealed record PointsHold
{
    public required string HoldId { get; init; }

    public required string OrderId { get; init; }

    public required long Points { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>After this instant the hold counts as released; the next transaction on the member writes the release.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    public HoldStatus Status { get; init; } = HoldStatus.Active;

    public IReadOnlyList<HeldLot> Lots { get; init; } = [];

    /// <summary>The cash the points pay, fixed when the hold is made (a later program change does not alter it).</summary>
    public decimal CashValue { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Why the hold closed: "captured", "released" (by the POS) or "timed-out".</summary>
    public string? ClosedReason { get; init; }

    public bool IsActive(DateTimeOffset now) => Status == HoldStatus.Active && ExpiresAt > now;
}

/// <summary>The part of one lot a hold took, with the lot's identity and dates so it can be put back as it was.</summary>
public sealed record HeldLot(string LotId, long Points, long LotPoints, DateTimeOffset EarnedAt, DateTimeOffset AvailableAt, DateTimeOffset ExpiresAt, string Source, string? Reference);
