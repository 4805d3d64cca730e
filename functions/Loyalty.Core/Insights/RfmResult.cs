namespace Loyalty.Core.Insights;

/// <summary>Every scored member (by member id), the count per segment (all eleven, zeros included) and the members left unscored (no purchase in the lookback).</summary>
public sealed record RfmResult(IReadOnlyList<MemberRfm> Members, IReadOnlyDictionary<RfmSegment, int> BySegment, int Unscored)
{
    public IEnumerable<MemberRfm> In(RfmSegment segment) => Members.Where(m => m.Segment == segment);
}
