namespace Loyalty.Core.Insights;

/// <summary>
/// A rate with the counts it was computed from, so a report can always show "42 of 100". <see cref="Value"/> is
/// numerator / denominator rounded half away from zero to 4 decimals (0.4200 = 42.00%); it is null, with
/// <see cref="UndefinedReason"/>, when the denominator is zero — a rate of nothing is not 0%.
/// </summary>
public sealed record Ratio(decimal Numerator, decimal Denominator)
{
    public const string EmptyDenominator = "denominator-zero";

    public decimal? Value => Denominator == 0 ? null : Math.Round(Numerator / Denominator, 4, MidpointRounding.AwayFromZero);

    public string? UndefinedReason => Denominator == 0 ? EmptyDenominator : null;
}
