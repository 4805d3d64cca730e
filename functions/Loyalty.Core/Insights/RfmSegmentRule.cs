namespace Loyalty.Core.Insights;

/// <summary>One cell block of the segment map: members whose recency score and frequency-monetary score lie in these inclusive ranges (1-5) belong to <see cref="Segment"/>.</summary>
public sealed record RfmSegmentRule(RfmSegment Segment, int MinRecency, int MaxRecency, int MinFrequencyMonetary, int MaxFrequencyMonetary)
{
    public bool Matches(int recency, int frequencyMonetary) =>
        recency >= MinRecency && recency <= MaxRecency && frequencyMonetary >= MinFrequencyMonetary && frequencyMonetary <= MaxFrequencyMonetary;
}
