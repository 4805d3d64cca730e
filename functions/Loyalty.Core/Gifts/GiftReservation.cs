namespace Loyalty.Core.Gifts;

/// <summary>One unit of a gift held for one redemption. Keyed by the redemption, so reserving or releasing twice changes stock once.</summary>
public sealed record GiftReservation(
    string TenantId,
    string GiftId,
    string RedemptionId,
    string MemberId,
    long Points,
    ReservationStatus Status,
    DateTimeOffset ReservedAt,
    DateTimeOffset? ReleasedAt = null)
{
    public string? ETag { get; init; }
}

public enum ReservationStatus
{
    Reserved,

    /// <summary>Given back by a compensation; the row stays so a late retry of the reserve step cannot take stock again.</summary>
    Released,
}
