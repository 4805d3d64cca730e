using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Gifts;

/// <summary>
/// Reserves and releases units for redemptions. Optimistic like the ledger: read the gift (ETag) → decide with
/// <see cref="GiftRules"/> → one batch with If-Match. The reservation row keyed by the redemption makes both idempotent.
/// </summary>
public sealed class GiftStockService(IGiftCatalog catalog, TimeProvider time, LedgerRetryPolicy? retryPolicy = null)
{
    private readonly LedgerRetryPolicy _retry = retryPolicy ?? LedgerRetryPolicy.Default;

    /// <summary>
    /// The redemption's reservation: the existing one on a retry, else a new one if every rule allows it. The gift's
    /// opening and visibility are judged at <paramref name="requestedAt"/>, when the member asked, so a
    /// request made in the last second of a window is not refused because the step ran after it closed.
    /// </summary>
    public async Task<Result<GiftReservation>> ReserveAsync(string tenantId, string giftId, string memberId, string tier, string redemptionId, DateTimeOffset requestedAt, CancellationToken cancellationToken)
    {
        return await _retry.RunAsync<GiftReservation>(
            async () =>
            {
                var existing = await catalog.FindReservationAsync(tenantId, giftId, redemptionId, cancellationToken);
                if (existing is not null)
                {
                    return existing.Status == ReservationStatus.Reserved
                        ? existing
                        : Error.Conflict("reservation-released", $"The stock of redemption '{redemptionId}' was already given back.");
                }

                var gift = await catalog.GetAsync(tenantId, giftId, cancellationToken);
                if (gift is null)
                {
                    return GiftService.NotFound(giftId);
                }

                var count = await catalog.GetMemberCountAsync(tenantId, giftId, memberId, cancellationToken);
                var now = time.GetUtcNow();
                if (GiftRules.CheckReservable(gift, tier, count.Count, requestedAt) is { } refused)
                {
                    return refused;
                }

                var reservation = new GiftReservation(tenantId, giftId, redemptionId, memberId, gift.PointsPrice, ReservationStatus.Reserved, now);
                return await catalog.TryReserveAsync(gift, count, reservation, cancellationToken) == StockWrite.Committed ? reservation : Attempt.Again;
            },
            StockBusy,
            cancellationToken);
    }

    /// <summary>Gives the unit back. Nothing reserved, or already released: nothing to do (false).</summary>
    public async Task<Result<bool>> ReleaseAsync(string tenantId, string giftId, string redemptionId, CancellationToken cancellationToken)
    {
        return await _retry.RunAsync<bool>(
            async () =>
            {
                var reservation = await catalog.FindReservationAsync(tenantId, giftId, redemptionId, cancellationToken);
                if (reservation is not { Status: ReservationStatus.Reserved })
                {
                    return false;
                }

                var gift = await catalog.GetAsync(tenantId, giftId, cancellationToken)
                    ?? throw new InvalidOperationException($"Gift {tenantId}/{giftId} vanished while it holds reservations.");
                var count = await catalog.GetMemberCountAsync(tenantId, giftId, reservation.MemberId, cancellationToken);
                var released = reservation with { Status = ReservationStatus.Released, ReleasedAt = time.GetUtcNow() };
                return await catalog.TryReleaseAsync(gift, count, released, cancellationToken) == StockWrite.Committed ? true : Attempt.Again;
            },
            StockBusy,
            cancellationToken);
    }

    private const string StockBusy = "The gift's stock is being changed by many requests; retry.";
}
