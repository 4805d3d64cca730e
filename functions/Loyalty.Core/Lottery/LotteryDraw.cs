namespace Loyalty.Core.Lottery;

public enum DrawStatus
{
    /// <summary>Outcome fixed and its prize stock taken; the member is not charged yet.</summary>
    Reserved,

    Charged,

    /// <summary>The charge was refused (e.g. not enough points); the prize went back to stock.</summary>
    Void,
}

/// <summary>
/// One draw, written with the stock decrement in one batch before the member is charged, so its outcome is fixed
/// once and a retry replays it. <see cref="Number"/> and <see cref="Odds"/> let an auditor recompute the outcome.
/// </summary>
public sealed record LotteryDraw
{
    public required string DrawId { get; init; }

    public required string LotteryId { get; init; }

    public required string MemberId { get; init; }

    public required long Number { get; init; }

    public required string Odds { get; init; }

    public required int OddsVersion { get; init; }

    /// <summary>The prize won, or <see cref="OddsTable.NoPrize"/>.</summary>
    public required string Outcome { get; init; }

    public string? PrizeName { get; init; }

    public required long CostPoints { get; init; }

    public DrawStatus Status { get; init; } = DrawStatus.Reserved;

    public required DateTimeOffset DrawnAt { get; init; }

    public string? EntryId { get; init; }

    public string? ETag { get; init; }

    public bool Won => Outcome != OddsTable.NoPrize;
}
