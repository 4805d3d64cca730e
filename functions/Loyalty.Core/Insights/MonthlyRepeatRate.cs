namespace Loyalty.Core.Insights;

/// <summary>复购率 of one month: <see cref="RepeatBuyers"/> members with two or more purchases in the month, of <see cref="Buyers"/> members with at least one.</summary>
public sealed record MonthlyRepeatRate(DateOnly Month, int Buyers, int RepeatBuyers)
{
    public Ratio Rate => new(RepeatBuyers, Buyers);
}
