using Loyalty.Core.Insights;
using static Loyalty.Core.Tests.Insights.InsightsData;

namespace Loyalty.Core.Tests.Insights;

public sealed class ReferralEffectTests
{
    private static readonly MemberActivity[] Tenant =
    [
        Member("r1", "2025-05-01"),
        Member("r2", "2025-06-01"),
        Buyer("a", "2026-01-20", ("2026-01", 2, 150m)) with { RegisteredOn = D("2026-01-03"), ReferredBy = "r1" },
        Member("b", "2026-01-04") with { ReferredBy = "r1" }, // never bought
        Buyer("c", "2026-01-25", ("2026-01", 1, 80m)) with { RegisteredOn = D("2026-01-10"), ReferredBy = "r2" },
        Buyer("d", "2026-01-12", ("2026-01", 1, 500m)) with { RegisteredOn = D("2026-01-11") }, // not referred
        Member("e", "2026-02-02") with { ReferredBy = "r1" }, // after the range
    ];

    [Fact]
    public void Referral_effect_of_a_month_with_k_factor_and_top_referrers()
    {
        var effect = ReferralEffectCalculator.Compute(Tenant, Range("2026-01-01", "2026-01-31"), top: 10);

        // members by Jan 31: r1 r2 a b c d = 6; new in January: a b c d = 4; referees a b c = 3, of whom a and c bought
        Assert.Equal((6, 4, 3, 2, 2), (effect.Members, effect.NewMembers, effect.Referees, effect.Converted, effect.Referrers));
        Assert.Equal(0.5m, effect.ReferralsPerMember.Value); // 3 / 6
        Assert.Equal(0.6667m, effect.Conversion.Value); // 2 / 3
        Assert.Equal(0.3333m, effect.KFactor.Value); // 0.5 x 2/3 = 2 / 6
        Assert.Equal(0.75m, effect.ReferredShareOfNew.Value); // 3 / 4
        Assert.Equal(230m, effect.RefereeSpend); // 150 + 80
        Assert.Equal([new ReferrerEffect("r1", 2, 1, 150m), new ReferrerEffect("r2", 1, 1, 80m)], effect.TopReferrers);
    }

    [Fact]
    public void Ties_among_referrers_list_by_member_id_and_top_limits_the_list()
    {
        MemberActivity[] tenant = [Member("zed") with { ReferredBy = "y" }, Member("amy") with { ReferredBy = "x" }, Member("bo") with { ReferredBy = "w" }];

        var effect = ReferralEffectCalculator.Compute(tenant, Range("2025-01-01", "2025-01-31"), top: 2);

        Assert.Equal(["w", "x"], effect.TopReferrers.Select(r => r.MemberId));
        Assert.Equal(3, effect.Referrers);
    }

    [Fact]
    public void A_tenant_without_referrals_has_k_factor_zero_and_an_empty_one_none()
    {
        var noReferrals = ReferralEffectCalculator.Compute([Member("solo")], Range("2025-01-01", "2025-12-31"), top: 5);
        var empty = ReferralEffectCalculator.Compute([], Range("2025-01-01", "2025-12-31"), top: 5);

        Assert.Equal(0m, noReferrals.KFactor.Value);
        Assert.Null(noReferrals.Conversion.Value);
        Assert.Equal(0m, noReferrals.ReferredShareOfNew.Value); // 0 of 1 new member
        Assert.Null(empty.KFactor.Value);
        Assert.Empty(empty.TopReferrers);
    }
}
