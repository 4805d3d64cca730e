using Loyalty.Core.Common;
using Loyalty.Core.Insights;
using static Loyalty.Core.Tests.Insights.InsightsData;

namespace Loyalty.Core.Tests.Insights;

public sealed class RfmTests
{
    private static readonly DateOnly Today = D("2026-06-30");

    /// <summary>Five purchasers with distinct values in every dimension, one member who never bought, one whose purchases are older than the 12-month lookback.</summary>
    private static readonly MemberActivity[] Tenant =
    [
        Buyer("m1", "2026-06-29", ("2026-06", 10, 1000m)), // 1 day
        Buyer("m2", "2026-06-20", ("2026-06", 5, 500m)), // 10 days
        Buyer("m3", "2026-05-31", ("2026-05", 3, 300m)), // 30 days
        Buyer("m4", "2026-03-31", ("2026-03", 2, 200m)), // 91 days
        Buyer("m5", "2025-07-31", ("2025-07", 1, 100m)), // 334 days, July 2025 is the lookback's first month
        Member("m6"),
        Buyer("m7", "2025-06-30", ("2025-06", 8, 800m)), // June 2025: outside the lookback
    ];

    [Fact]
    public void Distinct_values_score_one_to_five_and_map_to_the_default_segments()
    {
        var rfm = RfmScorer.Score(Tenant, Today, new RfmOptions());

        // n = 5; a value with w worse values scores 1 + floor(5w / 5) = w + 1, so m1 (4 worse) scores 5 ... m5 scores 1.
        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], rfm.Members.Select(m => m.MemberId));
        Assert.Equal([5, 4, 3, 2, 1], rfm.Members.Select(m => m.R));
        Assert.Equal([5, 4, 3, 2, 1], rfm.Members.Select(m => m.F));
        Assert.Equal([5, 4, 3, 2, 1], rfm.Members.Select(m => m.M));
        Assert.Equal([1, 10, 30, 91, 334], rfm.Members.Select(m => m.RecencyDays));
        // R5 FM5 champions, R4 FM4 loyal, R3 FM3 need attention, R2 FM2 hibernating, R1 FM1 lost
        Assert.Equal([RfmSegment.Champions, RfmSegment.Loyal, RfmSegment.NeedAttention, RfmSegment.Hibernating, RfmSegment.Lost], rfm.Members.Select(m => m.Segment));
        Assert.Equal(2, rfm.Unscored); // m6 never bought, m7 not within 12 months
        Assert.Equal(11, rfm.BySegment.Count);
        Assert.Equal(1, rfm.BySegment[RfmSegment.Champions]);
        Assert.Equal(0, rfm.BySegment[RfmSegment.New]);
    }

    [Fact]
    public void Tied_values_share_a_score_whatever_the_member_ids_or_order()
    {
        // values 10, 10, 20, 30, 30: strictly worse 0, 0, 2, 3, 3 -> 1 + floor(5w/5) = 1, 1, 3, 4, 4
        Assert.Equal([1, 1, 3, 4, 4], RfmScorer.Scores([10m, 10m, 20m, 30m, 30m]));
        Assert.Equal([4, 3, 1, 4, 1], RfmScorer.Scores([30m, 20m, 10m, 30m, 10m]));

        // seven equal buyers all score 1 in F and M, and (same day) 1 in R
        var same = Enumerable.Range(0, 7).Select(i => Buyer($"t{i}", "2026-06-01", ("2026-06", 1, 50m))).ToList();
        var rfm = RfmScorer.Score(same, Today, new RfmOptions());
        Assert.All(rfm.Members, m => Assert.Equal((1, 1, 1, RfmSegment.Lost), (m.R, m.F, m.M, m.Segment)));

        var reversed = RfmScorer.Score(Enumerable.Reverse(Tenant), Today, new RfmOptions());
        Assert.Equal(RfmScorer.Score(Tenant, Today, new RfmOptions()).Members, reversed.Members);
    }

    [Fact]
    public void Ten_values_fall_in_five_pairs()
    {
        // w = 0..9: 1 + floor(5w / 10) = 1,1,2,2,3,3,4,4,5,5
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], RfmScorer.Scores(Enumerable.Range(1, 10).Select(i => (decimal)i)));
    }

    [Fact]
    public void A_single_member_and_an_empty_tenant_score_without_error()
    {
        var single = RfmScorer.Score([Tenant[0]], Today, new RfmOptions());
        var empty = RfmScorer.Score([], Today, new RfmOptions());

        // n = 1, w = 0: every score 1 -> R1 FM1 = lost (one member is worse than nobody)
        Assert.Equal((1, 1, 1, RfmSegment.Lost), (single.Members[0].R, single.Members[0].F, single.Members[0].M, single.Members[0].Segment));
        Assert.Empty(empty.Members);
        Assert.All(empty.BySegment.Values, c => Assert.Equal(0, c));
    }

    [Theory]
    [InlineData(5, 1, RfmSegment.New)]
    [InlineData(5, 3, RfmSegment.PotentialLoyalist)]
    [InlineData(4, 5, RfmSegment.Champions)]
    [InlineData(4, 4, RfmSegment.Loyal)]
    [InlineData(4, 1, RfmSegment.Promising)]
    [InlineData(3, 5, RfmSegment.Loyal)]
    [InlineData(3, 2, RfmSegment.AboutToSleep)]
    [InlineData(2, 4, RfmSegment.AtRisk)]
    [InlineData(1, 5, RfmSegment.CantLose)]
    [InlineData(2, 1, RfmSegment.Hibernating)]
    [InlineData(1, 2, RfmSegment.Lost)]
    public void The_default_map_places_each_cell(int r, int fm, RfmSegment expected)
    {
        Assert.Equal(expected, RfmSegmentMap.Default.SegmentOf(r, fm));
    }

    [Fact]
    public void The_default_map_is_valid_and_uses_all_eleven_segments()
    {
        var errors = new FieldErrors();
        RfmSegmentMapValidator.Validate(RfmSegmentMap.Default, errors);

        Assert.Empty(errors.ToList());
        var used = from r in Enumerable.Range(1, 5) from fm in Enumerable.Range(1, 5) select RfmSegmentMap.Default.SegmentOf(r, fm);
        Assert.Equal(Enum.GetValues<RfmSegment>().Order(), used.Distinct().Order());
    }

    [Fact]
    public void Frequency_monetary_is_the_average_rounded_half_up()
    {
        Assert.Equal((5, 4, 1), (RfmSegmentMap.FrequencyMonetary(4, 5), RfmSegmentMap.FrequencyMonetary(4, 4), RfmSegmentMap.FrequencyMonetary(1, 1)));
    }

    [Fact]
    public void A_configured_map_changes_the_segments()
    {
        var everyoneLoyal = new RfmSegmentMap([new RfmSegmentRule(RfmSegment.Loyal, 1, 5, 1, 5)]);

        var rfm = RfmScorer.Score(Tenant, Today, new RfmOptions { Map = everyoneLoyal });

        Assert.All(rfm.Members, m => Assert.Equal(RfmSegment.Loyal, m.Segment));
    }

    [Fact]
    public void A_map_with_bad_scores_or_gaps_is_refused_with_field_names()
    {
        var map = new RfmSegmentMap([new RfmSegmentRule(RfmSegment.Champions, 0, 5, 4, 2), new RfmSegmentRule(RfmSegment.Lost, 1, 5, 1, 3)]);
        var errors = new FieldErrors();

        RfmSegmentMapValidator.Validate(map, errors.At("rfm"));

        var list = errors.ToList();
        Assert.Contains(list, e => e.Field == "rfm.rules[0].minRecency" && e.Rule == "range");
        Assert.Contains(list, e => e.Field == "rfm.rules[0].maxFrequencyMonetary" && e.Rule == "after-min");
        var gap = Assert.Single(list, e => e.Rule == "cover-every-score");
        Assert.Equal("rfm.rules", gap.Field);
        Assert.Contains("R=1 FM=4", gap.Message, StringComparison.Ordinal);

        var none = new FieldErrors();
        RfmSegmentMapValidator.Validate(new RfmSegmentMap([]), none);
        Assert.Equal(("rules", "count"), (none.ToList()[0].Field, none.ToList()[0].Rule));
    }
}
