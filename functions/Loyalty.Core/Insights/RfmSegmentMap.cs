namespace Loyalty.Core.Insights;

/// <summary>
/// Maps a member's recency score R and frequency-monetary score FM (the average of F and M rounded half up, so F=4 M=5
/// gives 5) to a segment: the first rule that matches wins. A map must cover all 25 (R, FM) cells
/// (<see cref="RfmSegmentMapValidator"/>). <see cref="Default"/> is the usual R × FM grid (README, "Reports: definitions").
/// </summary>
public sealed record RfmSegmentMap(IReadOnlyList<RfmSegmentRule> Rules)
{
    public static RfmSegmentMap Default { get; } = new(
    [
        new(RfmSegment.Champions, 5, 5, 4, 5),
        new(RfmSegment.Champions, 4, 4, 5, 5),
        new(RfmSegment.Loyal, 3, 4, 4, 5),
        new(RfmSegment.New, 5, 5, 1, 1),
        new(RfmSegment.Promising, 4, 4, 1, 1),
        new(RfmSegment.PotentialLoyalist, 4, 5, 2, 3),
        new(RfmSegment.NeedAttention, 3, 3, 3, 3),
        new(RfmSegment.AboutToSleep, 3, 3, 1, 2),
        new(RfmSegment.CantLose, 1, 2, 5, 5),
        new(RfmSegment.AtRisk, 1, 2, 3, 4),
        new(RfmSegment.Hibernating, 2, 2, 1, 2),
        new(RfmSegment.Lost, 1, 1, 1, 2),
    ]);

    public static int FrequencyMonetary(int frequency, int monetary) => (frequency + monetary + 1) / 2;

    public RfmSegment SegmentOf(int recency, int frequencyMonetary) =>
        Rules.FirstOrDefault(r => r.Matches(recency, frequencyMonetary))?.Segment
        ?? throw new InvalidOperationException($"The segment map covers no rule for R={recency}, FM={frequencyMonetary}: validate it with RfmSegmentMapValidator first.");
}
