using Loyalty.Core.Common;

namespace Loyalty.Core.Programs;

/// <summary>The <c>earning</c> block: base rate, ladder, category and SKU multipliers, campaigns and the birthday benefit.</summary>
public static class EarningRulesValidator
{
    public static void Validate(EarningRules earning, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(earning);
        ArgumentNullException.ThrowIfNull(errors);
        errors.Range("baseRatePoints", ProgramBounds.BaseRatePoints, earning.BaseRatePoints);
        errors.Range("baseRatePer", ProgramBounds.BaseRatePer, earning.BaseRatePer);
        errors.Range("returnWindowDays", ProgramBounds.ReturnWindowDays, earning.ReturnWindowDays);
        errors.Range("maxPointsPerOrder", ProgramBounds.MaxPointsPerOrder, earning.MaxPointsPerOrder);
        for (var i = 0; i < earning.Ladder.Count; i++)
        {
            errors.Range($"ladder[{i}].minAmount", ProgramBounds.LadderMinAmount, earning.Ladder[i].MinAmount);
            errors.Range($"ladder[{i}].points", ProgramBounds.RulePoints, earning.Ladder[i].Points);
        }

        errors.Unique("ladder", earning.Ladder, l => l.MinAmount, "Ladder steps must have distinct minAmount values.");
        Multipliers("categoryMultipliers", earning.CategoryMultipliers, errors);
        Multipliers("skuMultipliers", earning.SkuMultipliers, errors);
        for (var i = 0; i < earning.Campaigns.Count; i++)
        {
            CampaignValidator.Validate(earning.Campaigns[i], errors.At($"campaigns[{i}]"));
        }

        errors.Unique("campaigns", earning.Campaigns, c => c.Id, "Campaign ids must be unique.");
        if (earning.Birthday is { } birthday)
        {
            errors.Range("birthday.multiplier", ProgramBounds.BoostMultiplier, birthday.Multiplier);
            errors.Range("birthday.bonusPoints", ProgramBounds.RulePoints, birthday.BonusPoints);
        }
    }

    /// <summary>Reported at the map's own JSON name, one entry per key: <c>categoryMultipliers.skincare</c>.</summary>
    private static void Multipliers(string field, IReadOnlyDictionary<string, decimal> multipliers, FieldErrors errors)
    {
        foreach (var (name, multiplier) in multipliers)
        {
            errors.Range($"{field}.{name}", ProgramBounds.EarnMultiplier, multiplier);
        }
    }
}
