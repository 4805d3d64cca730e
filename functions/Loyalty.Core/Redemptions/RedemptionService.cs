using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Loyalty.Core.Common;
using Loyalty.Core.Gifts;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;

namespace Loyalty.Core.Redemptions;

/// <summary>
/// The API side of redemptions: accepts a request (early checks, then a record keyed by the idempotency key) for the
/// orchestration to carry out, and checks the merchant's shipment and cancel calls before they reach it.
/// </summary>
public sealed class RedemptionService(IRedemptionStore store, IGiftCatalog gifts, ILedgerStore ledger, TimeProvider time)
{
    public async Task<Result<(RedemptionRecord Record, bool Created)>> AcceptAsync(string tenantId, string idempotencyKey, RedeemGift request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var id = RedemptionIds.For(tenantId, idempotencyKey);
        var fingerprint = Fingerprint(request);
        var existing = await store.GetAsync(tenantId, id, cancellationToken);
        if (existing is not null)
        {
            return Replay(existing, fingerprint);
        }

        var gift = await gifts.GetAsync(tenantId, request.GiftId!, cancellationToken);
        if (gift is null)
        {
            return GiftService.NotFound(request.GiftId!);
        }

        if ((gift.Kind == GiftKind.Physical) != (request.ShipTo is not null))
        {
            return gift.Kind == GiftKind.Physical
                ? Error.Validation("shipTo", "required", "shipTo is required for a physical gift.")
                : Error.Validation("shipTo", "not-applicable", "shipTo applies only to physical gifts.");
        }

        var member = new MemberKey(tenantId, request.MemberId!);
        var state = await ledger.LoadAsync(member, cancellationToken);
        if (state is null)
        {
            return MemberService.MemberNotFound(member);
        }

        // Early answers for what is already known to fail; the orchestration's steps decide for real.
        var now = time.GetUtcNow();
        var refused = (state.Account.Frozen ? LedgerErrors.AccountFrozen() : null)
            ?? GiftRules.CheckEligible(gift, state.Account.Tier, now)
            ?? (gift.Stock <= 0 ? Error.Rule("out-of-stock", $"Gift '{gift.GiftId}' is out of stock.") : null)
            ?? InsufficientPoints(MemberSummary.From(state, now).Available, gift.PointsPrice);
        if (refused is not null)
        {
            return refused;
        }

        var record = new RedemptionRecord
        {
            TenantId = tenantId,
            RedemptionId = id,
            MemberId = member.MemberId,
            GiftId = gift.GiftId,
            Kind = gift.Kind,
            GiftName = gift.Name,
            Points = gift.PointsPrice,
            ShipTo = request.ShipTo,
            Status = RedemptionStatus.Accepted,
            Fingerprint = fingerprint,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var (stored, added) = await store.AddOrGetAsync(record, cancellationToken);
        return added ? (stored, true) : Replay(stored, fingerprint);
    }

    public async Task<Result<RedemptionRecord>> GetAsync(string tenantId, string redemptionId, CancellationToken cancellationToken) =>
        RedemptionIds.IsWellFormed(redemptionId) && await store.GetAsync(tenantId, redemptionId, cancellationToken) is { } record
            ? record
            : NotFound(redemptionId);

    /// <summary>A shipment or cancel call is accepted only while the redemption waits for shipping.</summary>
    public async Task<Result<RedemptionRecord>> CheckShipmentUpdateAsync(string tenantId, string redemptionId, ShipmentUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Shipped && (string.IsNullOrWhiteSpace(update.TrackingNumber) || !TextBounds.Code.Contains(update.TrackingNumber) || !TextBounds.Code.Contains(update.Carrier)))
        {
            return Error.Validation("trackingNumber", "required", "trackingNumber is required (1-64 characters); carrier at most 64 characters.");
        }

        if (update.Reason is { Length: > 200 })
        {
            return Error.Validation("reason", "length", "reason must be at most 200 characters.");
        }

        var record = await GetAsync(tenantId, redemptionId, cancellationToken);
        if (!record.IsSuccess)
        {
            return record;
        }

        return record.Value.Status == RedemptionStatus.AwaitingShipment
            ? record
            : Error.Conflict("not-awaiting-shipment", $"Redemption '{redemptionId}' is {record.Value.Status.ToString().ToLowerInvariant()}, not awaiting shipment.");
    }

    public static Error NotFound(string redemptionId) => Error.NotFound("redemption-not-found", $"Redemption '{redemptionId}' does not exist.");

    private static List<FieldError> Validate(RedeemGift request)
    {
        var errors = new List<FieldError>();
        if (!MemberKey.IsValidMemberId(request.MemberId))
        {
            errors.Add(ResourceId.Violation("memberId"));
        }

        if (!GiftValidator.IsValidGiftId(request.GiftId))
        {
            errors.Add(new FieldError("giftId", "pattern", "giftId is required: 1-64 letters, digits, '_', '.' or '-'."));
        }

        if (request.ShipTo is { } to)
        {
            if (string.IsNullOrWhiteSpace(to.Name) || !RedemptionBounds.RecipientName.Contains(to.Name))
            {
                errors.Add(new FieldError("shipTo.name", "required", "shipTo.name is required (1-50 characters)."));
            }

            if (PhoneNumber.Parse(to.Phone) is null)
            {
                errors.Add(new FieldError("shipTo.phone", "phone-number", "shipTo.phone must be E.164 or a mainland China mobile number."));
            }

            if (string.IsNullOrWhiteSpace(to.Address) || !RedemptionBounds.Address.Contains(to.Address))
            {
                errors.Add(new FieldError("shipTo.address", "required", "shipTo.address is required (1-200 characters)."));
            }
        }

        return errors;
    }

    private static Error? InsufficientPoints(long available, long price) =>
        available < price ? LedgerErrors.InsufficientPoints(available, price) : null;

    private static Result<(RedemptionRecord, bool)> Replay(RedemptionRecord existing, string fingerprint) =>
        existing.Fingerprint == fingerprint
            ? (existing, false)
            : Error.Conflict("idempotency-key-reused", "This Idempotency-Key was already used for a different redemption.");

    private static string Fingerprint(RedeemGift request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, LoyaltyJson.Options))));
}
