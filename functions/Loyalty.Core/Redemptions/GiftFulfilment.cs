using System.Security.Cryptography;
using Loyalty.Core.Common;
using Loyalty.Core.Gifts;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Redemptions;

/// <summary>Produces what the member receives for each kind of gift. Validity ends with a local day in the tenant's time zone.</summary>
public sealed class GiftFulfilment(IGiftCodePool codes, ProgramService programs, TimeProvider time)
{
    // No 0/O or 1/I: codes are read aloud at the counter.
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<Result<Fulfilment>> FulfilAsync(RedemptionRecord record, Gift gift, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(gift);
        var now = time.GetUtcNow();
        switch (gift.Kind)
        {
            case GiftKind.Virtual:
                var code = await codes.ClaimAsync(record.TenantId, gift.GiftId, record.RedemptionId, cancellationToken);
                return code is null
                    ? Error.Rule("code-pool-empty", $"Gift '{gift.GiftId}' has no codes left to issue.")
                    : new Fulfilment(GiftKind.Virtual, now) { Code = code };
            case GiftKind.Coupon:
                var coupon = gift.Coupon ?? throw new InvalidOperationException($"Coupon gift {gift.GiftId} has no terms.");
                return new Fulfilment(GiftKind.Coupon, now)
                {
                    Code = NewCode(),
                    Coupon = coupon,
                    ValidUntil = await ValidUntilAsync(record.TenantId, now, coupon.ValidDays, cancellationToken),
                };
            case GiftKind.Service:
                var service = gift.Service ?? throw new InvalidOperationException($"Service gift {gift.GiftId} has no terms.");
                return new Fulfilment(GiftKind.Service, now)
                {
                    Code = NewCode(),
                    Service = service,
                    ValidUntil = await ValidUntilAsync(record.TenantId, now, service.ValidDays, cancellationToken),
                };
            default:
                return record.ShipTo is null
                    ? Error.Rule("ship-to-missing", "A physical gift needs a shipping address.")
                    : new Fulfilment(GiftKind.Physical, now) { Shipment = new Shipment(ShipmentStatus.AwaitingShipment, record.ShipTo) };
        }
    }

    private async Task<DateTimeOffset> ValidUntilAsync(string tenantId, DateTimeOffset now, int validDays, CancellationToken cancellationToken)
    {
        var zone = (await programs.GetAsync(tenantId, cancellationToken)).Rules.Zone();
        return TenantClock.EndOfDay(TenantClock.LocalDate(now, zone).AddDays(validDays - 1), zone);
    }

    private static string NewCode() => RandomNumberGenerator.GetString(CodeAlphabet, 12);
}
