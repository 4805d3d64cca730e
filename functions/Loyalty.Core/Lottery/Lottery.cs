namespace Loyalty.Core.Lottery;

/// <summary>A merchant's lottery: a draw costs <see cref="CostPoints"/>; each prize has a weight and a remaining stock.</summary>
public sealed record Lottery
{
    public required string TenantId { get; init; }

    public required string LotteryId { get; init; }

    public required string Name { get; init; }

    public required long CostPoints { get; init; }

    public IReadOnlyList<LotteryPrize> Prizes { get; init; } = [];

    /// <summary>Weight of the "no prize" outcome.</summary>
    public long NoPrizeWeight { get; init; }

    public bool Active { get; init; } = true;

    /// <summary>Bumped on every edit by the merchant: the odds table version a draw records.</summary>
    public int Version { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public string? ETag { get; init; }
}

/// <summary>A prize: <see cref="Stock"/> is what remains; <see cref="Awarded"/> counts what was won.</summary>
public sealed record LotteryPrize(string PrizeId, string Name, long Weight, long Stock)
{
    public long Awarded { get; init; }
}
