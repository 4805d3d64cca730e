using Loyalty.Core.Common;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Pos;

/// <summary>The program's <c>cash</c> block: how points pay at the POS, and the member prices and tier discounts.</summary>
public static class PointsCashRulesValidator
{
    public const int MaxCategoryLength = TextBounds.CodeLength;

    public static void Validate(PointsCashRules cash, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(cash);
        ArgumentNullException.ThrowIfNull(errors);
        errors.Range("pointsPerYuan", ProgramBounds.PointsPerYuan, cash.PointsPerYuan);
        errors.Range("minPoints", ProgramBounds.MinPoints, cash.MinPoints);
        errors.Range("maxShareOfOrder", ProgramBounds.MaxShareOfOrder, cash.MaxShareOfOrder);
        errors.Range("holdTimeoutMinutes", ProgramBounds.HoldTimeoutMinutes, cash.HoldTimeoutMinutes);
        if (cash.ExcludedCategories is null || cash.ExcludedCategories.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > MaxCategoryLength))
        {
            errors.Add("excludedCategories", "category", $"excludedCategories must be categories of 1-{MaxCategoryLength} characters.");
        }

        PriceFactors("memberPrices", cash.MemberPrices, errors);
        PriceFactors("tierDiscounts", cash.TierDiscounts, errors);
    }

    private static void PriceFactors(string field, IReadOnlyDictionary<string, decimal>? factors, FieldErrors errors)
    {
        foreach (var (name, factor) in factors ?? new Dictionary<string, decimal>())
        {
            if (name.Length is 0 or > MaxCategoryLength || !ProgramBounds.PriceFactor.Contains(factor))
            {
                errors.Add($"{field}.{name}", "price-factor", $"a price factor must be {ProgramBounds.PriceFactor.Describe()} (0.9 = 10% off).");
            }
        }
    }
}
