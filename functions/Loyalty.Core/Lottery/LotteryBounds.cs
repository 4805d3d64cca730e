using Loyalty.Core.Common;

namespace Loyalty.Core.Lottery;

/// <summary>The bounds of a lottery definition (<c>PUT /api/v1/lotteries/{id}</c>).</summary>
public static class LotteryBounds
{
    public const int MaxPrizes = 50;

    public const long MaxWeight = 1_000_000;

    public static readonly Bound CostPoints = new(1, 1_000_000);

    public static readonly Bound NoPrizeWeight = new(0, MaxWeight);

    public static readonly Bound Prizes = new(1, MaxPrizes);

    public static readonly Bound PrizeWeight = new(1, MaxWeight);

    public static readonly Bound PrizeStock = new(0, 100_000_000);
}
