namespace Loyalty.Core.Gifts;

/// <summary>
/// A tenant's gifts with their stock. A gift, its reservations, its per-member counts and its stock adjustments share one
/// partition, so each stock change is one atomic batch guarded by the gift's ETag.
/// </summary>
public interface IGiftCatalog
{
    Task<Gift?> GetAsync(string tenantId, string giftId, CancellationToken cancellationToken);

    Task<GiftPage> ListAsync(string tenantId, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>False when a gift with this id already exists.</summary>
    Task<bool> AddAsync(Gift gift, CancellationToken cancellationToken);

    /// <summary>Replaces the gift if it is still at <see cref="Gift.ETag"/>; false otherwise.</summary>
    Task<bool> TryReplaceAsync(Gift gift, CancellationToken cancellationToken);

    Task<GiftReservation?> FindReservationAsync(string tenantId, string giftId, string redemptionId, CancellationToken cancellationToken);

    Task<MemberGiftCount> GetMemberCountAsync(string tenantId, string giftId, string memberId, CancellationToken cancellationToken);

    /// <summary>One batch: stock - 1 (If-Match), the reservation row added, the member's count + 1 (If-Match or added).</summary>
    Task<StockWrite> TryReserveAsync(Gift gift, MemberGiftCount count, GiftReservation reservation, CancellationToken cancellationToken);

    /// <summary>One batch: stock + 1 (If-Match), the reservation marked released (If-Match), the member's count - 1 (If-Match).</summary>
    Task<StockWrite> TryReleaseAsync(Gift gift, MemberGiftCount count, GiftReservation reservation, CancellationToken cancellationToken);

    Task<bool> HasStockAdjustmentAsync(string tenantId, string giftId, string adjustmentId, CancellationToken cancellationToken);

    /// <summary>One batch: stock + <paramref name="delta"/> (If-Match) and a row keyed by <paramref name="adjustmentId"/>, so a retry adds nothing.</summary>
    Task<StockWrite> TryAdjustStockAsync(Gift gift, long delta, string adjustmentId, CancellationToken cancellationToken);
}
