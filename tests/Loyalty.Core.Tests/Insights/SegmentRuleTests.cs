using Loyalty.Core.Common;
using Loyalty.Core.Insights;
using Loyalty.Core.Programs;
using static Loyalty.Core.Tests.Insights.InsightsData;

namespace Loyalty.Core.Tests.Insights;

public sealed class SegmentRuleTests
{
    private static readonly DateOnly Today = D("2026-06-01");

    private static readonly MemberActivity[] Tenant =
    [
        Member("expiring", store: "sh-01") with { NextExpiryOn = D("2026-06-08"), NextExpiryPoints = 300, LastActivityOn = D("2026-05-30") }, // 7 days ahead
        Member("later", store: "sh-01") with { NextExpiryOn = D("2026-06-09"), NextExpiryPoints = 300, LastActivityOn = D("2026-05-30") }, // 8 days ahead
        Member("near", tier: "silver", store: "bj-02") with { ToNextTier = 150, BirthdayMonth = 6, LastActivityOn = D("2026-05-30") },
        Member("dormant", tier: "silver", store: "sh-01") with { LastActivityOn = D("2026-03-01"), ToNextTier = 0, BirthdayMonth = 6 }, // 92 days
    ];

    private static SegmentMatch Run(SegmentRule rule) => SegmentEvaluator.Evaluate(rule, Tenant, Today);

    [Fact]
    public void Each_criterion_selects_its_members()
    {
        Assert.Equal(["expiring"], Run(new SegmentRule { ExpiringWithinDays = 7 }).MemberIds);
        Assert.Equal(["near"], Run(new SegmentRule { WithinOfNextTier = 200 }).MemberIds); // 0 to go is not "near"
        Assert.Empty(Run(new SegmentRule { WithinOfNextTier = 100 }).MemberIds);
        Assert.Equal(["dormant"], Run(new SegmentRule { DormantDays = 90 }).MemberIds);
        Assert.Equal(["dormant", "near"], Run(new SegmentRule { BirthdayMonth = 6 }).MemberIds);
        Assert.Equal(["dormant", "near"], Run(new SegmentRule { Tiers = ["silver"] }).MemberIds);
        Assert.Equal(["near"], Run(new SegmentRule { Stores = ["bj-02"] }).MemberIds);
    }

    [Fact]
    public void Criteria_combine_with_and()
    {
        var match = Run(new SegmentRule { BirthdayMonth = 6, Stores = ["sh-01", "gz-03"] });

        Assert.Equal(1, match.Count);
        Assert.Equal(["dormant"], match.Preview(10));
        Assert.Empty(Run(new SegmentRule { BirthdayMonth = 6, DormantDays = 90, Tiers = ["gold"] }).MemberIds);
    }

    [Fact]
    public void An_rfm_segment_is_scored_over_the_whole_tenant()
    {
        MemberActivity[] tenant =
        [
            Buyer("best", "2026-05-31", ("2026-05", 9, 900m)),
            Buyer("mid", "2026-04-01", ("2026-04", 3, 300m)),
            Buyer("worst", "2025-08-01", ("2025-08", 1, 10m)),
            Member("never"),
        ];

        // n = 3: best scores 1 + floor(5*2/3) = 4 everywhere (R4 FM4 loyal), mid 1 + floor(5/3) = 2 (R2 FM2 hibernating), worst 1 (lost)
        Assert.Equal(["best"], SegmentEvaluator.Evaluate(new SegmentRule { RfmSegments = [RfmSegment.Loyal] }, tenant, Today).MemberIds);
        Assert.Equal(["mid", "worst"], SegmentEvaluator.Evaluate(new SegmentRule { RfmSegments = [RfmSegment.Hibernating, RfmSegment.Lost] }, tenant, Today).MemberIds);
    }

    [Fact]
    public void An_empty_rule_is_refused()
    {
        var errors = new FieldErrors();

        SegmentRuleValidator.Validate(new SegmentRule(), new TierRules(), errors.At("rule"));

        var error = Assert.Single(errors.ToList());
        Assert.Equal(("rule", "criterion-required"), (error.Field, error.Rule));
    }

    [Fact]
    public void Every_bad_field_is_named()
    {
        var rule = new SegmentRule
        {
            ExpiringWithinDays = 0,
            WithinOfNextTier = 0,
            DormantDays = 4000,
            BirthdayMonth = 13,
            RfmSegments = [(RfmSegment)42],
            Tiers = ["gold", "platinum", "gold"],
            Stores = [],
        };
        var errors = new FieldErrors();

        SegmentRuleValidator.Validate(rule, new TierRules(), errors);

        Assert.Equal(
            [
                ("expiringWithinDays", "range"),
                ("withinOfNextTier", "range"),
                ("dormantDays", "range"),
                ("birthdayMonth", "range"),
                ("rfmSegments[0]", "known-segment"),
                ("tiers[1]", "known-tier"),
                ("tiers", "unique"),
                ("stores", "count"),
            ],
            errors.ToList().Select(e => (e.Field, e.Rule)));
    }

    [Fact]
    public void A_valid_rule_passes_and_a_bad_store_id_is_named()
    {
        var ok = new FieldErrors();
        var bad = new FieldErrors();

        SegmentRuleValidator.Validate(new SegmentRule { ExpiringWithinDays = 30, Tiers = ["gold"], RfmSegments = [RfmSegment.AtRisk] }, new TierRules(), ok);
        SegmentRuleValidator.Validate(new SegmentRule { Stores = ["sh 01"] }, new TierRules(), bad);

        Assert.Empty(ok.ToList());
        Assert.Equal(("stores[0]", "pattern"), (bad.ToList()[0].Field, bad.ToList()[0].Rule));
    }
}
