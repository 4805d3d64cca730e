namespace Loyalty.Core.Insights;

/// <summary>The members a segment selects: how many, and their ids in order (a preview is the first few).</summary>
public sealed record SegmentMatch(int Count, IReadOnlyList<string> MemberIds)
{
    public IReadOnlyList<string> Preview(int size) => [.. MemberIds.Take(size)];
}
