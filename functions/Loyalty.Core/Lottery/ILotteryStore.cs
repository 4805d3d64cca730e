namespace Loyalty.Core.Lottery;

public enum ReserveResult
{
    Reserved,

    /// <summary>The lottery changed since it was read (stock or definition): re-read and draw again.</summary>
    Conflict,

    /// <summary>A draw with this id was already recorded: use it.</summary>
    DrawExists,
}

public interface ILotteryStore
{
    Task<Lottery?> GetAsync(string tenantId, string lotteryId, CancellationToken cancellationToken);

    /// <summary>Saves a definition as the next version if <see cref="Lottery.ETag"/> (null for a new lottery) still matches.</summary>
    Task<bool> TrySaveAsync(Lottery lottery, CancellationToken cancellationToken);

    Task<LotteryDraw?> GetDrawAsync(string tenantId, string lotteryId, string drawId, CancellationToken cancellationToken);

    /// <summary>Adds the draw and replaces the lottery (its stock) in one batch, If-Match on the lottery's ETag.</summary>
    Task<ReserveResult> TryReserveAsync(Lottery lottery, LotteryDraw draw, CancellationToken cancellationToken);

    /// <summary>Replaces the draw and the lottery together, each If-Match its ETag.</summary>
    Task<bool> TryUpdateAsync(Lottery lottery, LotteryDraw draw, CancellationToken cancellationToken);

    /// <summary>Replaces the draw alone, If-Match its ETag.</summary>
    Task<bool> TryUpdateDrawAsync(string tenantId, LotteryDraw draw, CancellationToken cancellationToken);
}
