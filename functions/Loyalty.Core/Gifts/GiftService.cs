using System.Text.RegularExpressions;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Gifts;

/// <summary>The catalog as merchants edit it: define gifts, change stock, load code pools.</summary>
public sealed partial class GiftService(IGiftCatalog catalog, IGiftCodePool codes, TimeProvider time, LedgerRetryPolicy? retryPolicy = null)
{
    public const long MaxStockDelta = GiftBounds.MaxStockDelta;
    public const int MaxCodesPerLoad = GiftBounds.MaxCodesPerLoad;

    private readonly LedgerRetryPolicy _retry = retryPolicy ?? LedgerRetryPolicy.Default;

    /// <summary>Creates or redefines a gift; stock is kept as it is. Returns the gift and whether it was created.</summary>
    public async Task<Result<(Gift Gift, bool Created)>> PutAsync(string tenantId, string giftId, GiftDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = GiftValidator.Validate(giftId, definition);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        return await _retry.RunAsync<(Gift, bool)>(
            async () =>
            {
                var now = time.GetUtcNow();
                var existing = await catalog.GetAsync(tenantId, giftId, cancellationToken);
                if (existing is null)
                {
                    var created = Define(new Gift
                    {
                        TenantId = tenantId,
                        GiftId = giftId,
                        Name = string.Empty,
                        Kind = definition.Kind!.Value,
                        PointsPrice = 0,
                        CreatedAt = now,
                        UpdatedAt = now,
                    }, definition, now);
                    return await catalog.AddAsync(created, cancellationToken) ? (created, true) : Attempt.Again;
                }

                if (existing.Kind != definition.Kind)
                {
                    return Error.Validation("kind", "immutable", $"Gift '{giftId}' is a {existing.Kind.ToString().ToLowerInvariant()} gift; its kind cannot change.");
                }

                var updated = Define(existing, definition, now);
                return await catalog.TryReplaceAsync(updated, cancellationToken) ? (updated, false) : Attempt.Again;
            },
            GiftBusy,
            cancellationToken);
    }

    public async Task<Result<Gift>> GetAsync(string tenantId, string giftId, CancellationToken cancellationToken) =>
        GiftValidator.IsValidGiftId(giftId) && await catalog.GetAsync(tenantId, giftId, cancellationToken) is { } gift
            ? gift
            : NotFound(giftId);

    public async Task<Result<GiftPage>> ListAsync(string tenantId, bool includeHidden, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        try
        {
            var page = await catalog.ListAsync(tenantId, pageSize, continuationToken, cancellationToken);
            var now = time.GetUtcNow();
            return includeHidden ? page : page with { Gifts = [.. page.Gifts.Where(g => g.IsVisible(now))] };
        }
        catch (InvalidContinuationTokenException)
        {
            return Error.BadRequest("invalid-continuation-token", "continuationToken was not issued by this API for this query.", "continuationToken");
        }
    }

    /// <summary>Adds (or with a negative delta removes) units. Keyed by <paramref name="adjustmentId"/>: a retry changes stock once.</summary>
    public async Task<Result<Gift>> AdjustStockAsync(string tenantId, string giftId, long delta, string adjustmentId, CancellationToken cancellationToken)
    {
        if (delta == 0 || !GiftBounds.StockDelta.Contains(delta))
        {
            return Error.Validation([GiftBounds.StockDelta.Violation("delta", "delta, a non-zero whole number of units,")]);
        }

        return await _retry.RunAsync<Gift>(
            async () =>
            {
                var gift = await catalog.GetAsync(tenantId, giftId, cancellationToken);
                if (gift is null)
                {
                    return NotFound(giftId);
                }

                if (await catalog.HasStockAdjustmentAsync(tenantId, giftId, adjustmentId, cancellationToken))
                {
                    return gift;
                }

                if (gift.Stock + delta < 0)
                {
                    return Error.Rule("stock-below-zero", $"Gift '{giftId}' has {gift.Stock} unit(s) in stock; {-delta} cannot be removed.");
                }

                return await catalog.TryAdjustStockAsync(gift, delta, adjustmentId, cancellationToken) == StockWrite.Committed
                    ? gift with { Stock = gift.Stock + delta }
                    : Attempt.Again;
            },
            GiftBusy,
            cancellationToken);
    }

    /// <summary>Loads codes into a virtual gift's pool and adds as many units to its stock, once per <paramref name="loadId"/>.</summary>
    public async Task<Result<(int Added, Gift Gift)>> LoadCodesAsync(string tenantId, string giftId, IReadOnlyList<string>? newCodes, string loadId, CancellationToken cancellationToken)
    {
        if (newCodes is null || !GiftBounds.Codes.Contains(newCodes.Count) || newCodes.Any(c => c is null || !CodePattern().IsMatch(c)))
        {
            return Error.Validation("codes", "codes", $"codes must list 1-{MaxCodesPerLoad} codes of 4-64 letters, digits, '_' or '-'.");
        }

        if (newCodes.Distinct(StringComparer.Ordinal).Count() != newCodes.Count)
        {
            return Error.Validation("codes", "duplicate", "codes must not repeat a code.");
        }

        var gift = await catalog.GetAsync(tenantId, giftId, cancellationToken);
        if (gift is null)
        {
            return NotFound(giftId);
        }

        if (gift.Kind != GiftKind.Virtual)
        {
            return Error.Rule("gift-not-virtual", $"Gift '{giftId}' is not a virtual gift; only virtual gifts take codes.");
        }

        var added = await codes.AddAsync(tenantId, giftId, newCodes, loadId, cancellationToken);
        if (added == 0)
        {
            return (0, gift);
        }

        var adjusted = await AdjustStockAsync(tenantId, giftId, added, $"codes:{loadId}", cancellationToken);
        return adjusted.IsSuccess ? (added, adjusted.Value) : adjusted.Error;
    }

    public static Error NotFound(string giftId) => Error.NotFound("gift-not-found", $"Gift '{giftId}' does not exist.");

    private const string GiftBusy = "The gift is being changed by other requests; retry.";

    private static Gift Define(Gift gift, GiftDefinition d, DateTimeOffset now) => gift with
    {
        Name = d.Name!.Trim(),
        Description = d.Description,
        Images = d.Images ?? [],
        PointsPrice = d.PointsPrice!.Value,
        PerMemberLimit = d.PerMemberLimit,
        EligibleTiers = [.. (d.EligibleTiers ?? []).Select(t => t.ToLowerInvariant())],
        OpensAt = d.OpensAt,
        EarlyAccess = [.. (d.EarlyAccess ?? []).Select(e => e with { Tier = e.Tier.ToLowerInvariant() })],
        VisibleFrom = d.VisibleFrom,
        VisibleUntil = d.VisibleUntil,
        Active = d.Active ?? true,
        Coupon = d.Coupon,
        Service = d.Service,
        UpdatedAt = now,
    };

    [GeneratedRegex(GiftBounds.CodePattern, RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
