namespace Loyalty.Core.Lottery;

/// <summary>The published lottery: cost, prizes with stock, and the odds in force now (out-of-stock prizes count as no prize).</summary>
public sealed record LotteryView(
    string LotteryId,
    string Name,
    long CostPoints,
    bool Active,
    int OddsVersion,
    long TotalWeight,
    IReadOnlyList<PrizeOdds> Prizes,
    long NoPrizeWeight,
    decimal NoPrizeProbability,
    string Rule)
{
    public const string PublishedRule =
        "Each draw costs costPoints. A number is drawn uniformly in [0, totalWeight) with a cryptographically secure RNG; " +
        "prizes own consecutive ranges of their weight in the listed order, then no prize. A prize out of stock keeps " +
        "its range but that range wins nothing (the cost is still charged); other prizes' odds do not change. " +
        "The drawn number and this table are recorded on the ledger entry so a draw can be recomputed.";

    public static LotteryView From(Lottery lottery)
    {
        ArgumentNullException.ThrowIfNull(lottery);
        var total = OddsTable.For(lottery).Total;
        decimal Share(long weight) => total == 0 ? 0 : Math.Round((decimal)weight / total, 6);
        var prizes = lottery.Prizes.Select(p => new PrizeOdds(p.PrizeId, p.Name, p.Weight, p.Stock, p.Awarded, p.Stock > 0 ? Share(p.Weight) : 0)).ToList();
        var none = total - lottery.Prizes.Where(p => p.Stock > 0).Sum(p => p.Weight);
        return new LotteryView(lottery.LotteryId, lottery.Name, lottery.CostPoints, lottery.Active, lottery.Version, total, prizes, lottery.NoPrizeWeight, Share(none), PublishedRule);
    }
}

public sealed record PrizeOdds(string PrizeId, string Name, long Weight, long Stock, long Awarded, decimal Probability);
