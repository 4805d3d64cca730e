namespace Loyalty.Core.Insights;

/// <summary>
/// The standard normal distribution through the complementary error function, to about 1e-14 relative error in double:
/// for 0 ≤ x &lt; 2, erfc = 1 − erf with erf(x) = (2/√π) e^(−x²) Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)) (Abramowitz and Stegun
/// 7.1.6: every term positive, so no cancellation inside the sum); for x ≥ 2, the continued fraction
/// erfc(x) = (e^(−x²)/√π) · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) (A&amp;S 7.1.14), evaluated with the modified
/// Lentz method, which converges fast there and keeps full relative precision in the far tail where 1 − erf cannot.
/// </summary>
public static class NormalDistribution
{
    private const double Epsilon = 1e-16;
    private const int MaxTerms = 500;
    private static readonly double InvSqrtPi = 1 / Math.Sqrt(Math.PI);

    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            return 2 - Erfc(-x);
        }

        return x < 2 ? 1 - ErfSeries(x) : ErfcContinuedFraction(x);
    }

    /// <summary>Φ(z) = P(Z ≤ z) = erfc(−z/√2) / 2.</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>P(|Z| ≥ |z|) = erfc(|z|/√2).</summary>
    public static double TwoSidedPValue(double z) => Erfc(Math.Abs(z) / Math.Sqrt(2));

    private static double ErfSeries(double x)
    {
        var term = x;
        var sum = x;
        for (var n = 1; n < MaxTerms && term > sum * Epsilon; n++)
        {
            term *= 2 * x * x / ((2 * n) + 1);
            sum += term;
        }

        return 2 * InvSqrtPi * Math.Exp(-x * x) * sum;
    }

    private static double ErfcContinuedFraction(double x)
    {
        const double Tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var k = 1; k < MaxTerms; k++)
        {
            var a = k / 2.0;
            d = x + (a * d);
            d = Math.Abs(d) < Tiny ? 1 / Tiny : 1 / d;
            c = x + (a / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return InvSqrtPi * Math.Exp(-x * x) / f;
    }
}
