using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;

namespace Loyalty.Core.Earning;

/// <summary>Points a purchase earns under a program. Pure: the same purchase and rules always give the same points.</summary>
public static class EarningCalculator
{
    public static EarningResult Calculate(Purchase purchase, ProgramRules rules)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        ArgumentNullException.ThrowIfNull(rules);
        var earning = rules.Earning;
        var raw = purchase.CashPaid / earning.BaseRatePer * earning.BaseRatePoints;
        var points = (long)Math.Floor(raw);
        var capped = earning.MaxPointsPerOrder > 0 && points > earning.MaxPointsPerOrder;
        if (capped)
        {
            points = earning.MaxPointsPerOrder;
        }

        var explanation = $"{earning.BaseRatePoints:0.####} point(s) per {earning.BaseRatePer:0.##} {rules.Currency} on {purchase.CashPaid:0.00} paid in cash";
        return new EarningResult(Math.Max(points, 0), capped ? explanation + $", capped at {earning.MaxPointsPerOrder}" : explanation);
    }
}

public sealed record EarningResult(long Points, string Explanation);
