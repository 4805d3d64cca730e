using Loyalty.Core.Common;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Insights;

/// <summary>A push segment's rule: at least one criterion, each within its bound, lists neither empty nor repeating, tiers the program has, store ids well-formed.</summary>
public static class SegmentRuleValidator
{
    public static readonly Bound ExpiringWithinDays = new(1, 366);

    public static readonly Bound WithinOfNextTier = new(0, 1_000_000_000) { ExclusiveMinimum = true };

    public static readonly Bound DormantDays = new(1, 3650);

    public static readonly Bound BirthdayMonth = new(1, 12);

    public static readonly Bound RfmSegments = new(1, 11);

    public static readonly Bound Tiers = new(1, 20);

    public static readonly Bound Stores = new(1, 100);

    /// <summary>Pass the errors of the rule's own JSON object (e.g. <c>errors.At("rule")</c>): fields are named as the rule's JSON names them.</summary>
    public static void Validate(SegmentRule rule, TierRules tiers, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(errors);
        if (rule.IsEmpty)
        {
            errors.Add(string.Empty, "criterion-required", "A segment needs at least one criterion; a push to every member is not a segment.");
            return;
        }

        Optional(errors, "expiringWithinDays", ExpiringWithinDays, rule.ExpiringWithinDays);
        Optional(errors, "withinOfNextTier", WithinOfNextTier, rule.WithinOfNextTier);
        Optional(errors, "dormantDays", DormantDays, rule.DormantDays);
        Optional(errors, "birthdayMonth", BirthdayMonth, rule.BirthdayMonth);
        List(errors, "rfmSegments", RfmSegments, rule.RfmSegments, s => Enum.IsDefined(s) ? null : ("known-segment", "is not an RFM segment."));
        var known = tiers.Levels.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        List(errors, "tiers", Tiers, rule.Tiers, t => known.Contains(t) ? null : ("known-tier", $"'{t}' is not a tier of the program."));
        List(errors, "stores", Stores, rule.Stores, s => ResourceId.IsValid(s) ? null : ("pattern", "must be 1-64 letters, digits, '_', '.' or '-'."));
    }

    private static void Optional(FieldErrors errors, string field, Bound bound, decimal? value)
    {
        if (value is { } v)
        {
            errors.Range(field, bound, v);
        }
    }

    private static void List<T>(FieldErrors errors, string field, Bound count, IReadOnlyList<T>? items, Func<T, (string Rule, string Problem)?> check)
    {
        if (items is null)
        {
            return;
        }

        if (!count.Contains(items.Count))
        {
            errors.AddRange([count.CountViolation(errors.PathOf(field))]);
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (check(items[i]) is { } problem)
            {
                errors.Add($"{field}[{i}]", problem.Rule, $"{field}[{i}] {problem.Problem}");
            }
        }

        errors.Unique(field, items, x => x, $"{field} must not name a value twice.");
    }
}
