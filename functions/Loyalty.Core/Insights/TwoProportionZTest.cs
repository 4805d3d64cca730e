namespace Loyalty.Core.Insights;

/// <summary>
/// Two-sided two-proportion z-test with the pooled standard error: p = (x1 + x2) / (n1 + n2),
/// SE = √(p (1 − p) (1/n1 + 1/n2)), z = (x1/n1 − x2/n2) / SE, p-value = erfc(|z| / √2) = 2 (1 − Φ(|z|)).
/// Undefined when a group is empty, or when everyone or nobody converted in both groups (SE = 0: nothing varies).
/// The normal approximation wants some 5 conversions and 5 non-conversions per group; the report shows the counts.
/// </summary>
public static class TwoProportionZTest
{
    public const string EmptyGroup = "empty-group";
    public const string NoVariance = "no-variance";

    public static ZTestResult Compute(int x1, int n1, int x2, int n2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x1);
        ArgumentOutOfRangeException.ThrowIfNegative(x2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(x1, n1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(x2, n2);
        if (n1 == 0 || n2 == 0)
        {
            return new ZTestResult(null, null, EmptyGroup);
        }

        var pooled = (double)(x1 + x2) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        if (se == 0)
        {
            return new ZTestResult(null, null, NoVariance);
        }

        var z = (((double)x1 / n1) - ((double)x2 / n2)) / se;
        return new ZTestResult(z, NormalDistribution.TwoSidedPValue(z), null);
    }
}
