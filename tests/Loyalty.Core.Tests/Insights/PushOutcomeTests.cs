using Loyalty.Core.Insights;
using static Loyalty.Core.Tests.Insights.InsightsData;

namespace Loyalty.Core.Tests.Insights;

public sealed class PushOutcomeTests
{
    private static readonly DateOnly SentOn = D("2026-03-01");

    /// <summary><paramref name="back"/> of <paramref name="count"/> members bought 100 yuan (10 points) on the send day + <paramref name="offset"/>.</summary>
    private static IEnumerable<(PushRecipient Recipient, MemberActivity Member)> Group(string prefix, PushGroup group, int count, int back, int offset = 3) =>
        Enumerable.Range(0, count).Select(i => (
            new PushRecipient($"{prefix}{i}", group),
            Member($"{prefix}{i}") with { Days = i < back ? [new PurchaseBucket(SentOn.AddDays(offset), 1, 100m, 10)] : [] }));

    private static PushOutcome Measure(params IEnumerable<(PushRecipient Recipient, MemberActivity Member)>[] groups)
    {
        var all = groups.SelectMany(g => g).ToList();
        var result = PushOutcomeCalculator.Compute(SentOn, 14, all.Select(a => a.Recipient), all.ToDictionary(a => a.Member.MemberId, a => a.Member));
        Assert.True(result.IsSuccess);
        return result.Value;
    }

    [Fact]
    public void Lift_incremental_conversions_and_p_value_of_a_reactivation_push()
    {
        // treated: 30 of 100 came back (30%); holdout: 3 of 20 (15%)
        var outcome = Measure(Group("t", PushGroup.Treated, 100, 30), Group("h", PushGroup.Holdout, 20, 3));

        Assert.Equal((100, 30, 3000m, 300L), (outcome.Treated.Members, outcome.Treated.CameBack, outcome.Treated.Spend, outcome.Treated.Points));
        Assert.Equal((20, 3, 300m), (outcome.Holdout.Members, outcome.Holdout.CameBack, outcome.Holdout.Spend));
        Assert.Equal(1m, outcome.Lift); // (0.30 - 0.15) / 0.15
        Assert.Equal(15m, outcome.IncrementalConversions); // 30 - 0.15 x 100
        Assert.Equal(1500m, outcome.IncrementalSpend); // 3000 - 300 / 20 x 100
        // pooled p = 33/120 = 0.275; SE = sqrt(0.275 x 0.725 x (1/100 + 1/20)) = 0.1093732; z = 0.15 / SE = 1.3714510; p = erfc(z / sqrt 2) = 0.1702344
        Assert.Equal(1.3714509626474831, outcome.Test.Z!.Value, 1e-12);
        Assert.Equal(0.17023442006090347, outcome.Test.PValue!.Value, 1e-12);
    }

    [Fact]
    public void Purchases_outside_the_window_do_not_count()
    {
        // day 14 after the send day is the 15th day: outside a 14-day window; the day before the send is outside too
        var outcome = Measure(Group("t", PushGroup.Treated, 10, 10, offset: 14), Group("e", PushGroup.Treated, 10, 10, offset: -1), Group("h", PushGroup.Holdout, 10, 5, offset: 13));

        Assert.Equal((20, 0), (outcome.Treated.Members, outcome.Treated.CameBack));
        Assert.Equal(5, outcome.Holdout.CameBack);
        Assert.Equal(-1m, outcome.Lift); // (0 - 0.5) / 0.5
        Assert.Equal(Range("2026-03-01", "2026-03-14"), outcome.Window);
    }

    [Fact]
    public void Without_a_holdout_there_is_no_lift()
    {
        var outcome = Measure(Group("t", PushGroup.Treated, 10, 4));

        Assert.Null(outcome.Lift);
        Assert.Equal(PushOutcome.NoHoldout, outcome.LiftUndefinedReason);
        Assert.Null(outcome.IncrementalConversions);
        Assert.Equal(TwoProportionZTest.EmptyGroup, outcome.Test.UndefinedReason);
    }

    [Fact]
    public void A_holdout_nobody_in_which_came_back_gives_no_lift_but_a_test()
    {
        var outcome = Measure(Group("t", PushGroup.Treated, 50, 10), Group("h", PushGroup.Holdout, 10, 0));

        Assert.Null(outcome.Lift);
        Assert.Equal(PushOutcome.HoldoutRateZero, outcome.LiftUndefinedReason);
        Assert.Equal(10m, outcome.IncrementalConversions); // 10 - 0 x 50
        Assert.NotNull(outcome.Test.PValue);
    }

    [Fact]
    public void Nobody_coming_back_anywhere_has_no_variance_to_test()
    {
        var outcome = Measure(Group("t", PushGroup.Treated, 10, 0), Group("h", PushGroup.Holdout, 10, 0));

        Assert.Equal(TwoProportionZTest.NoVariance, outcome.Test.UndefinedReason);
        Assert.Equal(0m, outcome.IncrementalConversions);
    }

    [Fact]
    public void A_window_older_than_the_kept_days_is_refused_and_a_missing_summary_did_not_come_back()
    {
        var member = Member("m") with { DaysFrom = D("2026-03-05") };
        var old = PushOutcomeCalculator.Compute(SentOn, 14, [new PushRecipient("m", PushGroup.Treated)], new Dictionary<string, MemberActivity> { ["m"] = member });
        var erased = PushOutcomeCalculator.Compute(SentOn, 14, [new PushRecipient("gone", PushGroup.Holdout)], new Dictionary<string, MemberActivity>());

        Assert.Equal("window-not-kept", old.Error?.Code);
        Assert.Equal((1, 0), (erased.Value!.Holdout.Members, erased.Value.Holdout.CameBack));
    }
}
