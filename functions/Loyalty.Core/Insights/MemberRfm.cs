namespace Loyalty.Core.Insights;

/// <summary>One member's RFM values (days since the last purchase, orders and cash amount in the lookback), their scores 1-5 and segment.</summary>
public sealed record MemberRfm(string MemberId, int RecencyDays, int Frequency, decimal Monetary, int R, int F, int M, RfmSegment Segment)
{
    public int FrequencyMonetary => RfmSegmentMap.FrequencyMonetary(F, M);
}
