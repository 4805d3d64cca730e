using Loyalty.Core.Common;

namespace Loyalty.Core.Gifts;

/// <summary>Checks a gift definition and names every field at fault.</summary>
public static class GiftValidator
{
    public const long MaxPointsPrice = GiftBounds.MaxPointsPrice;
    public const int MaxImages = GiftBounds.MaxImages;

    public static bool IsValidGiftId(string? value) => ResourceId.IsValid(value);

    public static List<FieldError> Validate(string giftId, GiftDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<FieldError>();
        void Add(string field, string rule, string message) => errors.Add(new FieldError(field, rule, message));

        if (!IsValidGiftId(giftId))
        {
            Add("giftId", "pattern", "giftId must be 1-64 letters, digits, '_', '.' or '-'.");
        }

        if (string.IsNullOrWhiteSpace(definition.Name) || !TextBounds.Name.Contains(definition.Name))
        {
            Add("name", "required", "name is required (1-100 characters).");
        }

        if (!TextBounds.Description.Contains(definition.Description))
        {
            Add("description", "length", "description must be at most 2000 characters.");
        }

        if (definition.Images is { } images && (images.Count > MaxImages || images.Any(i => !IsImageUrl(i))))
        {
            Add("images", "url", $"images must be at most {MaxImages} absolute https URLs.");
        }

        if (definition.Kind is null)
        {
            Add("kind", "required", "kind is required: physical, virtual, coupon or service.");
        }

        if (!GiftBounds.PointsPrice.Contains(definition.PointsPrice))
        {
            errors.Add(GiftBounds.PointsPrice.Violation("pointsPrice", "pointsPrice (required)"));
        }

        if (definition.PerMemberLimit is { } limit && !GiftBounds.PerMemberLimit.Contains(limit))
        {
            errors.Add(GiftBounds.PerMemberLimit.Violation("perMemberLimit"));
        }

        if (definition.EligibleTiers is { } tiers && tiers.Any(t => !MemberTiers.IsKnown(t)))
        {
            Add("eligibleTiers", "tier", $"eligibleTiers may only name: {string.Join(", ", MemberTiers.Ladder)}.");
        }

        ValidateEarlyAccess(definition, Add);

        if (definition.VisibleFrom is { } from && definition.VisibleUntil is { } until && until <= from)
        {
            Add("visibleUntil", "order", "visibleUntil must be after visibleFrom.");
        }

        ValidateTerms(definition, Add);
        return errors;
    }

    private static void ValidateEarlyAccess(GiftDefinition definition, Action<string, string, string> add)
    {
        if (definition.EarlyAccess is not { Count: > 0 } early)
        {
            return;
        }

        if (early.Any(e => e is null || !MemberTiers.IsKnown(e.Tier)))
        {
            add("earlyAccess", "tier", $"earlyAccess tiers may only name: {string.Join(", ", MemberTiers.Ladder)}.");
        }
        else if (early.Select(e => e.Tier.ToLowerInvariant()).Distinct().Count() != early.Count)
        {
            add("earlyAccess", "duplicate", "earlyAccess names each tier at most once.");
        }
        else if (definition.OpensAt is null)
        {
            add("opensAt", "required", "opensAt is required with earlyAccess: early access is relative to the general opening.");
        }
        else if (early.Any(e => e.OpensAt >= definition.OpensAt))
        {
            add("earlyAccess", "order", "Every earlyAccess opening must be before opensAt.");
        }
    }

    private static void ValidateTerms(GiftDefinition definition, Action<string, string, string> add)
    {
        if (definition.Kind == GiftKind.Coupon)
        {
            if (definition.Coupon is not { } coupon)
            {
                add("coupon", "required", "coupon terms are required for a coupon gift.");
            }
            else
            {
                if ((coupon.AmountOff is null) == (coupon.PercentOff is null))
                {
                    add("coupon", "one-of", "coupon needs exactly one of amountOff or percentOff.");
                }

                if (coupon.AmountOff is { } amount && (!GiftBounds.CouponAmountOff.Contains(amount) || decimal.Round(amount, 2) != amount))
                {
                    add("coupon.amountOff", "range", $"coupon.amountOff must be {GiftBounds.CouponAmountOff.Describe()} with at most two decimals.");
                }

                AddIfOutside("coupon.percentOff", GiftBounds.CouponPercentOff, coupon.PercentOff, add);
                AddIfOutside("coupon.validDays", GiftBounds.ValidDays, coupon.ValidDays, add);
                AddIfOutside("coupon.minimumSpend", GiftBounds.CouponMinimumSpend, coupon.MinimumSpend, add);
            }
        }
        else if (definition.Coupon is not null)
        {
            add("coupon", "kind", "coupon terms apply only to a coupon gift.");
        }

        if (definition.Kind == GiftKind.Service)
        {
            if (definition.Service is not { } service)
            {
                add("service", "required", "service terms are required for a service gift.");
            }
            else
            {
                AddIfOutside("service.validDays", GiftBounds.ValidDays, service.ValidDays, add);
                AddIfOutside("service.durationMinutes", GiftBounds.ServiceDurationMinutes, service.DurationMinutes, add);
            }
        }
        else if (definition.Service is not null)
        {
            add("service", "kind", "service terms apply only to a service gift.");
        }
    }

    /// <summary>Names an optional number outside its bound (a missing one is left to its own rule).</summary>
    private static void AddIfOutside(string field, Bound bound, decimal? value, Action<string, string, string> add)
    {
        if (value is { } v && !bound.Contains(v))
        {
            var violation = bound.Violation(field, field);
            add(violation.Field, violation.Rule, violation.Message);
        }
    }

    private static bool IsImageUrl(string? value) =>
        value is { Length: <= 500 } && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
