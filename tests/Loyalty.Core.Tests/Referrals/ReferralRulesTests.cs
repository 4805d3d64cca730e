using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Core.Referrals;

namespace Loyalty.Core.Tests.Referrals;

public sealed class ReferralRulesTests
{
    private static IReadOnlyList<string> Fields(ReferralRules referrals) =>
        [.. ProgramValidator.Validate(new ProgramRules { Referrals = referrals }).Select(e => $"{e.Field}:{e.Rule}")];

    [Fact]
    public void Default_block_is_valid_and_off()
    {
        Assert.Empty(Fields(new ReferralRules()));
        Assert.False(new ProgramRules().Referrals.Enabled);
    }

    [Fact]
    public void Each_bad_value_is_named_at_its_path()
    {
        var fields = Fields(new ReferralRules
        {
            ReferrerPoints = ProgramBounds.MaxRulePoints + 1,
            RefereePoints = -1,
            MinCashAmount = -0.01m,
            TimeoutDays = 0,
            ReferrerWindowDays = 366,
            MaxRewardsPerMonth = -1,
            MaxRewardsLifetime = 100_001,
            EligibleStores = ["ok", "has space"],
            ShareLinkTemplate = "https://shop.example/join",
        });

        Assert.Equal(
            [
                "referrals.referrerPoints:range", "referrals.refereePoints:range", "referrals.minCashAmount:range", "referrals.timeoutDays:range",
                "referrals.referrerWindowDays:range", "referrals.maxRewardsPerMonth:range", "referrals.maxRewardsLifetime:range",
                "referrals.eligibleStores:pattern", "referrals.shareLinkTemplate:link-template",
            ],
            fields);
    }

    [Theory]
    [InlineData("https://shop.example/join?ref={code}", true)]
    [InlineData("http://shop.example/r/{code}", true)]
    [InlineData("shop.example/join?ref={code}", false)]
    [InlineData("javascript:alert('{code}')", false)]
    [InlineData("https://shop.example/{code}/{code}", false)]
    public void Share_link_template_is_an_absolute_web_url_with_the_code_once(string template, bool valid) =>
        Assert.Equal(valid, Fields(new ReferralRules { ShareLinkTemplate = template }).Count == 0);

    [Fact]
    public void An_enabled_program_rewards_someone()
    {
        Assert.Equal(["referrals.referrerPoints:reward-required"], Fields(new ReferralRules { Enabled = true }));
        Assert.Empty(Fields(new ReferralRules { Enabled = true, RefereePoints = 10 }));
    }

    [Fact]
    public void A_purchase_qualifies_by_cash_and_store()
    {
        var rules = new ReferralRules { MinCashAmount = 50, EligibleStores = ["s1"] };

        Assert.True(rules.Qualifies(50, "s1"));
        Assert.False(rules.Qualifies(49.99m, "s1"));
        Assert.False(rules.Qualifies(80, "s2"));
        Assert.False(rules.Qualifies(80, null));
        Assert.True(new ReferralRules().Qualifies(0.01m, null));
        Assert.False(new ReferralRules().Qualifies(0, null));
    }

    [Fact]
    public void Link_escapes_the_code_into_the_template() =>
        Assert.Equal("https://s.example/j?ref=ABCD2345", new ReferralRules { ShareLinkTemplate = "https://s.example/j?ref={code}" }.LinkFor("ABCD2345"));

    [Fact]
    public void Codes_are_eight_unambiguous_characters_stable_per_member_and_keyed()
    {
        var key = ReferralCode.DeriveKey(new PhoneHashKey([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]));
        var other = ReferralCode.DeriveKey(new PhoneHashKey([16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]));
        var member = new MemberKey("t1", "m-1");
        var codes = Enumerable.Range(0, 2000).Select(i => ReferralCode.Candidate(key, new MemberKey("t1", $"m-{i}"), 0)).ToList();

        Assert.All(codes, c => Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(ReferralCode.Candidate(key, member, 0), ReferralCode.Candidate(key, member, 0));
        Assert.NotEqual(ReferralCode.Candidate(key, member, 0), ReferralCode.Candidate(key, member, 1));
        Assert.NotEqual(ReferralCode.Candidate(key, member, 0), ReferralCode.Candidate(other, member, 0));
        Assert.NotEqual(ReferralCode.Candidate(key, member, 0), ReferralCode.Candidate(key, new MemberKey("t2", "m-1"), 0));
    }

    [Theory]
    [InlineData(" k7m2qx9p ", "K7M2QX9P")]
    [InlineData("K7M2QX9P", "K7M2QX9P")]
    [InlineData("K7M2QX9", null)]
    [InlineData("K7M2QX0P", null)]
    [InlineData("K7M2QXIP", null)]
    [InlineData(null, null)]
    public void Typed_codes_are_normalized_or_refused(string? typed, string? expected) =>
        Assert.Equal(expected, ReferralCode.Normalize(typed));
}
