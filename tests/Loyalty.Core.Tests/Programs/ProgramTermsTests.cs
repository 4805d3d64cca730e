using Loyalty.Core.Programs;

namespace Loyalty.Core.Tests.Programs;

public sealed class ProgramTermsTests
{
    private static readonly LoyaltyProgram Program = new("t", 3, new ProgramRules
    {
        Earning = new EarningRules
        {
            BaseRatePoints = 1,
            BaseRatePer = 10,
            ExcludedCategories = ["tobacco"],
            Ladder = [new LadderStep(200, 25)],
            Campaigns = [new Campaign { Id = "md", Name = "Member day", Multiplier = 2, DaysOfMonth = [8] }],
            ReturnWindowDays = 7,
        },
        Expiry = new ExpiryPolicy { Mode = ExpiryMode.FixedAnnual, Months = 12, ClearingMonth = 12, ClearingDay = 31 },
        Activities = new ActivityRules { SignUpBonus = 100 },
    }, DateTimeOffset.UnixEpoch, null);

    [Fact]
    public void Terms_are_generated_from_the_configuration_in_chinese()
    {
        var terms = ProgramTerms.Render(Program, "zh-CN");
        var text = string.Join("\n", terms.Sections.SelectMany(s => s.Lines));

        Assert.Equal(3, terms.Version);
        Assert.Contains("每消费 10 CNY 可获得 1 积分", text, StringComparison.Ordinal);
        Assert.Contains("tobacco", text, StringComparison.Ordinal);
        Assert.Contains("满 200 CNY，额外奖励 25 积分", text, StringComparison.Ordinal);
        Assert.Contains("每月 8 日", text, StringComparison.Ordinal);
        Assert.Contains("12 月 31 日", text, StringComparison.Ordinal);
        Assert.Contains("注册即送 100 积分", text, StringComparison.Ordinal);
        Assert.Contains("gold: 5000+", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Terms_follow_the_rules_in_english_too()
    {
        var text = string.Join("\n", ProgramTerms.Render(Program, "en").Sections.SelectMany(s => s.Lines));

        Assert.Contains("Earn 1 point(s) for every 10 CNY", text, StringComparison.Ordinal);
        Assert.Contains("usable 7 days after", text, StringComparison.Ordinal);
        Assert.Contains("December 31", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Referral_rules_are_described_only_when_enabled()
    {
        var referrals = new Loyalty.Core.Referrals.ReferralRules
        {
            Enabled = true,
            ReferrerPoints = 200,
            RefereePoints = 50,
            RefereePointsAtSignUp = true,
            MinCashAmount = 30,
            TimeoutDays = 14,
            MaxRewardsPerMonth = 5,
        };
        var enabled = Program with { Rules = Program.Rules with { Referrals = referrals } };

        var zh = string.Join("\n", ProgramTerms.Render(enabled, "zh-CN").Sections.Single(s => s.Title == "推荐有礼").Lines);
        var en = string.Join("\n", ProgramTerms.Render(enabled, "en").Sections.Single(s => s.Title == "Referrals").Lines);

        Assert.DoesNotContain(ProgramTerms.Render(Program, "zh-CN").Sections, s => s.Title == "推荐有礼");
        Assert.Contains("14 天内完成首笔现金支付满 30 CNY 的消费", zh, StringComparison.Ordinal);
        Assert.Contains("推荐人获得 200 积分（不计入等级成长）", zh, StringComparison.Ordinal);
        Assert.Contains("新会员使用推荐码注册即得 50 积分", zh, StringComparison.Ordinal);
        Assert.Contains("7 天退货期结束后发放", zh, StringComparison.Ordinal);
        Assert.Contains("每月最多 5 次", zh, StringComparison.Ordinal);
        Assert.Contains("within 14 days", en, StringComparison.Ordinal);
        Assert.Contains("at most 5 a month", en, StringComparison.Ordinal);
        Assert.Contains("超出的推荐不再发放推荐奖励（新会员注册所得积分保留）", zh, StringComparison.Ordinal);
        Assert.Contains("the new member keeps the points from registering", en, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cap_without_sign_up_points_pays_neither_side_and_the_tier_note_follows_the_tier_basis()
    {
        var referrals = new Loyalty.Core.Referrals.ReferralRules { Enabled = true, ReferrerPoints = 200, RefereePoints = 50, MaxRewardsLifetime = 10, CountsTowardTier = true };
        string English(TierBasis basis) => string.Join("\n", ProgramTerms.Render(Program with { Rules = Program.Rules with { Referrals = referrals, Tiers = new TierRules { Basis = basis } } }, "en").Sections.Single(s => s.Title == "Referrals").Lines);

        var byPoints = English(TierBasis.PointsEarned);
        var bySpend = English(TierBasis.Spend);

        Assert.Contains("a referral past that earns neither side anything", byPoints, StringComparison.Ordinal);
        Assert.Contains("The referrer earns 200 points per completed referral (counting toward the tier)", byPoints, StringComparison.Ordinal);
        Assert.Contains("The new member earns 50 points when the referral completes (counting toward the tier)", byPoints, StringComparison.Ordinal);
        Assert.Contains("The referrer earns 200 points per completed referral (not counting toward the tier)", bySpend, StringComparison.Ordinal);
    }
}
