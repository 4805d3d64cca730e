namespace Loyalty.Core.Lottery;

public sealed record DrawView(
    string DrawId,
    string LotteryId,
    string MemberId,
    string Outcome,
    bool Won,
    string? PrizeName,
    long CostPoints,
    long Number,
    string Odds,
    int OddsVersion,
    DrawStatus Status,
    DateTimeOffset DrawnAt,
    string? EntryId)
{
    public static DrawView From(LotteryDraw draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        return new(draw.DrawId, draw.LotteryId, draw.MemberId, draw.Outcome, draw.Won, draw.PrizeName, draw.CostPoints, draw.Number, draw.Odds, draw.OddsVersion, draw.Status, draw.DrawnAt, draw.EntryId);
    }
}
