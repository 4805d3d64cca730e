namespace Loyalty.Core.Lottery;

public sealed record LotteryRequest(string? Name, long? CostPoints, IReadOnlyList<LotteryPrizeRequest?>? Prizes, long? NoPrizeWeight, bool? Active);

public sealed record LotteryPrizeRequest(string? PrizeId, string? Name, long? Weight, long? Stock);

public sealed record DrawRequest(string? MemberId);
