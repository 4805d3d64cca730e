using Loyalty.Core.Common;

namespace Loyalty.Core.Programs;

/// <summary>The <c>tiers</c> block: a base level at 0, thresholds that rise, unique names, bounded benefits.</summary>
public static class TierRulesValidator
{
    /// <param name="tiers">Null or without levels is refused at <c>levels</c>: a program always has a base tier.</param>
    public static void Validate(TierRules? tiers, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (tiers is null || tiers.Levels.Count == 0)
        {
            errors.Add("levels", "required", "At least one tier level is required.");
            return;
        }

        var levels = tiers.Levels;
        if (levels[0].Threshold != 0)
        {
            errors.Add("levels[0].threshold", "zero", "The first (base) tier must have threshold 0.");
        }

        for (var i = 1; i < levels.Count; i++)
        {
            if (levels[i].Threshold <= levels[i - 1].Threshold)
            {
                errors.Add($"levels[{i}].threshold", "ascending", "Tier thresholds must increase from one level to the next.");
            }
        }

        for (var i = 0; i < levels.Count; i++)
        {
            errors.Range($"levels[{i}].threshold", ProgramBounds.TierThreshold, levels[i].Threshold);
            errors.Range($"levels[{i}].earnMultiplier", ProgramBounds.EarnMultiplier, levels[i].EarnMultiplier);
            errors.Range($"levels[{i}].discountRate", ProgramBounds.DiscountRate, levels[i].DiscountRate);
        }

        if (levels.Select(l => l.Name).Distinct().Count() != levels.Count || levels.Any(l => string.IsNullOrWhiteSpace(l.Name)))
        {
            errors.Add("levels", "unique", "Tier names must be non-empty and unique.");
        }

        errors.Range("retentionMonths", ProgramBounds.RetentionMonths, tiers.RetentionMonths);
    }
}
