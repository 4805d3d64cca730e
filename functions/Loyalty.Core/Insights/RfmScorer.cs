namespace Loyalty.Core.Insights;

/// <summary>
/// RFM scores as quintiles over the tenant's purchasers. A value scores 1 + ⌊5 × w / n⌋, where n is the number of
/// members scored and w the number of them with a strictly worse value (a longer recency, fewer orders, a smaller
/// amount). Equal values therefore always get the same score, whatever their member ids or input order — ties are
/// never split arbitrarily — and with n distinct values the scores fall into five groups as equal as n allows; a value
/// shared by many members can leave a score unused (if 70% bought once, they all score F=1 and the next score is 4).
/// Members without a purchase in the lookback are not scored (<see cref="RfmResult.Unscored"/>).
/// </summary>
public static class RfmScorer
{
    public static RfmResult Score(IEnumerable<MemberActivity> members, DateOnly today, RfmOptions options)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.LookbackMonths);
        var since = DateRange.MonthOf(today).AddMonths(1 - options.LookbackMonths);
        var all = members.ToList();
        var values = all
            .Select(m => (m.MemberId, Last: m.LastPurchaseOn, Buckets: m.Months.Where(b => b.Start >= since && b.Start <= today).ToList()))
            .Where(v => v.Last is not null && v.Buckets.Sum(b => b.Count) > 0)
            .Select(v => (v.MemberId, Recency: today.DayNumber - v.Last!.Value.DayNumber, Frequency: v.Buckets.Sum(b => b.Count), Monetary: v.Buckets.Sum(b => b.Amount)))
            .OrderBy(v => v.MemberId, StringComparer.Ordinal)
            .ToList();
        var recency = Scores(values.Select(v => -(decimal)v.Recency));
        var frequency = Scores(values.Select(v => (decimal)v.Frequency));
        var monetary = Scores(values.Select(v => v.Monetary));
        var scored = values.Select((v, i) => new MemberRfm(
            v.MemberId, v.Recency, v.Frequency, v.Monetary, recency[i], frequency[i], monetary[i],
            options.Map.SegmentOf(recency[i], RfmSegmentMap.FrequencyMonetary(frequency[i], monetary[i])))).ToList();
        var bySegment = Enum.GetValues<RfmSegment>().ToDictionary(s => s, s => scored.Count(m => m.Segment == s));
        return new RfmResult(scored, bySegment, all.Count - scored.Count);
    }

    /// <summary>The score of each value, higher values better: 1 + ⌊5 × (values strictly below) / n⌋.</summary>
    internal static int[] Scores(IEnumerable<decimal> values)
    {
        var list = values.ToArray();
        var sorted = list.Order().ToArray();
        return [.. list.Select(v => 1 + (int)(5L * Below(sorted, v) / sorted.Length))];
    }

    /// <summary>How many of the sorted values are strictly below <paramref name="value"/> (the first index not below it).</summary>
    private static int Below(decimal[] sorted, decimal value)
    {
        var (lo, hi) = (0, sorted.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = sorted[mid] < value ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }
}
