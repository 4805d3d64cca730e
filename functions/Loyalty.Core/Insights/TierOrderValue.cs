namespace Loyalty.Core.Insights;

/// <summary>会员客单价 of one tier: cash amount / orders of its members, rounded half away from zero to the fen; null when the tier placed no order.</summary>
public sealed record TierOrderValue(string Tier, int Members, int Orders, decimal Amount)
{
    public decimal? AverageOrderValue => Orders == 0 ? null : Math.Round(Amount / Orders, 2, MidpointRounding.AwayFromZero);
}
