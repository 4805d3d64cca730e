using Loyalty.Core.Common;

namespace Loyalty.Core.Insights;

/// <summary>A segment map's rules: scores 1-5, each range in order, and every one of the 25 (R, FM) cells covered.</summary>
public static class RfmSegmentMapValidator
{
    public static readonly Bound Score = new(1, 5);

    public static readonly Bound RuleCount = new(1, 100);

    public static void Validate(RfmSegmentMap map, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(errors);
        if (map.Rules is null || !RuleCount.Contains(map.Rules.Count))
        {
            errors.AddRange([RuleCount.CountViolation(errors.PathOf("rules"))]);
            return;
        }

        for (var i = 0; i < map.Rules.Count; i++)
        {
            var rule = map.Rules[i];
            var at = errors.At($"rules[{i}]");
            at.Range("minRecency", Score, rule.MinRecency);
            at.Range("maxRecency", Score, rule.MaxRecency);
            at.Range("minFrequencyMonetary", Score, rule.MinFrequencyMonetary);
            at.Range("maxFrequencyMonetary", Score, rule.MaxFrequencyMonetary);
            if (rule.MinRecency > rule.MaxRecency)
            {
                at.Add("maxRecency", "after-min", "maxRecency must not be below minRecency.");
            }

            if (rule.MinFrequencyMonetary > rule.MaxFrequencyMonetary)
            {
                at.Add("maxFrequencyMonetary", "after-min", "maxFrequencyMonetary must not be below minFrequencyMonetary.");
            }
        }

        var uncovered = (from r in Enumerable.Range(1, 5) from fm in Enumerable.Range(1, 5) where !map.Rules.Any(x => x.Matches(r, fm)) select $"R={r} FM={fm}").ToList();
        if (uncovered.Count > 0)
        {
            errors.Add("rules", "cover-every-score", $"The rules must cover every score pair; none covers {string.Join(", ", uncovered)}.");
        }
    }
}
