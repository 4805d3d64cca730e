namespace Loyalty.Core.Insights;

/// <summary>Evaluates a validated <see cref="SegmentRule"/> over all of a tenant's member summaries (all of them: RFM quintiles are tenant-wide).</summary>
public static class SegmentEvaluator
{
    public static SegmentMatch Evaluate(SegmentRule rule, IReadOnlyCollection<MemberActivity> members, DateOnly today, RfmOptions? rfm = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(members);
        var segments = rule.UsesRfm
            ? RfmScorer.Score(members, today, rfm ?? new RfmOptions()).Members.ToDictionary(m => m.MemberId, m => m.Segment, StringComparer.Ordinal)
            : null;
        var ids = members
            .Where(m => Matches(rule, m, today, segments))
            .Select(m => m.MemberId)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new SegmentMatch(ids.Count, ids);
    }

    /// <param name="segments">Each scored member's RFM segment; needed only when the rule names segments.</param>
    public static bool Matches(SegmentRule rule, MemberActivity member, DateOnly today, IReadOnlyDictionary<string, RfmSegment>? segments)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(member);
        return (rule.ExpiringWithinDays is not { } within || ExpiresWithin(member, today, within))
            && (rule.WithinOfNextTier is not { } gap || member.ToNextTier is > 0 && member.ToNextTier <= gap)
            && (rule.DormantDays is not { } dormant || Dormancy.IsDormant(member, today, dormant))
            && (rule.BirthdayMonth is not { } month || member.BirthdayMonth == month)
            && (rule.RfmSegments is not { } wanted || (segments ?? throw new ArgumentNullException(nameof(segments))).TryGetValue(member.MemberId, out var s) && wanted.Contains(s))
            && (rule.Tiers is not { } tiers || tiers.Contains(member.Tier, StringComparer.Ordinal))
            && (rule.Stores is not { } stores || (member.StoreId is { } store && stores.Contains(store, StringComparer.Ordinal)));
    }

    private static bool ExpiresWithin(MemberActivity member, DateOnly today, int days) =>
        member.NextExpiryPoints > 0 && member.NextExpiryOn is { } on && on >= today && on.DayNumber - today.DayNumber <= days;
}
