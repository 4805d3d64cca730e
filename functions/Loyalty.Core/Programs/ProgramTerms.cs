using System.Globalization;

namespace Loyalty.Core.Programs;

/// <summary>
/// The member-readable rules summary (积分细则), generated from the configuration so it can never disagree with it.
/// </summary>
public static class ProgramTerms
{
    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "en"];

    public static TermsDocument Render(LoyaltyProgram program, string language)
    {
        ArgumentNullException.ThrowIfNull(program);
        var zh = language == "zh-CN";
        var t = new TermsText(zh);
        var r = program.Rules;
        var sections = new List<TermsSection>
        {
            new(t.Pick("积分获取", "Earning points"), [.. Earning(r, t)]),
            new(t.Pick("积分有效期", "When points expire"), [Expiry(r, t)]),
            new(t.Pick("会员等级", "Member tiers"), [.. Tiers(r, t)]),
        };
        if (r.Referrals.Enabled)
        {
            sections.Add(new(t.Pick("推荐有礼", "Referrals"), [.. Referrals(r, t)]));
        }

        return new TermsDocument(language, r.Name, program.Version, sections);
    }

    private static IEnumerable<string> Earning(ProgramRules r, TermsText t)
    {
        var e = r.Earning;
        if (e.BaseRatePoints > 0)
        {
            yield return t.Pick($"每消费 {N(e.BaseRatePer)} {r.Currency} 可获得 {N(e.BaseRatePoints)} 积分（不足部分不计，积分向下取整）。", $"Earn {N(e.BaseRatePoints)} point(s) for every {N(e.BaseRatePer)} {r.Currency} spent (rounded down).");
        }

        yield return t.Pick("仅现金支付部分可获得积分，使用积分抵扣的部分不获得积分。", "Only the part paid in cash earns points; the part paid with points earns none.");
        foreach (var step in e.Ladder.OrderBy(s => s.MinAmount))
        {
            yield return t.Pick($"单笔消费满 {N(step.MinAmount)} {r.Currency}，额外奖励 {step.Points} 积分。", $"Orders of {N(step.MinAmount)} {r.Currency} or more earn {step.Points} bonus points.");
        }

        foreach (var (category, multiplier) in e.CategoryMultipliers)
        {
            yield return t.Pick($"{category} 类商品享 {N(multiplier)} 倍积分。", $"{category} earns ×{N(multiplier)} points.");
        }

        if (e.ExcludedCategories.Count > 0)
        {
            yield return t.Pick($"以下品类不参与积分：{string.Join("、", e.ExcludedCategories)}。", $"These categories earn no points: {string.Join(", ", e.ExcludedCategories)}.");
        }

        foreach (var c in e.Campaigns)
        {
            yield return t.Pick($"活动「{(c.Name.Length > 0 ? c.Name : c.Id)}」：{When(c, t)} 享 {N(c.Multiplier)} 倍积分{(c.BonusPoints > 0 ? $"，另赠 {c.BonusPoints} 积分" : string.Empty)}。", $"Campaign \"{(c.Name.Length > 0 ? c.Name : c.Id)}\": ×{N(c.Multiplier)} points{(c.BonusPoints > 0 ? $" plus {c.BonusPoints} bonus points" : string.Empty)} {When(c, t)}.");
        }

        if (e.Birthday is { } b)
        {
            yield return t.Pick($"生日{(b.Window == BirthdayWindow.Month ? "当月" : "当天")}首笔消费享 {N(b.Multiplier)} 倍积分并赠送 {b.BonusPoints} 积分，每年一次。", $"Your first purchase on your birthday{(b.Window == BirthdayWindow.Month ? " month" : string.Empty)} earns ×{N(b.Multiplier)} and {b.BonusPoints} bonus points, once a year.");
        }

        if (e.ReturnWindowDays > 0)
        {
            yield return t.Pick($"消费所得积分在 {e.ReturnWindowDays} 天退货期后可用。", $"Points from a purchase become usable {e.ReturnWindowDays} days after it (the return window).");
        }

        if (e.MaxPointsPerOrder > 0)
        {
            yield return t.Pick($"单笔订单最多获得 {e.MaxPointsPerOrder} 积分。", $"One order earns at most {e.MaxPointsPerOrder} points.");
        }

        var a = r.Activities;
        if (a.SignUpBonus > 0)
        {
            yield return t.Pick($"注册即送 {a.SignUpBonus} 积分。", $"Joining earns {a.SignUpBonus} points.");
        }

        if (a.CheckIn.Enabled && a.CheckIn.Points > 0)
        {
            yield return t.Pick($"每日签到得 {a.CheckIn.Points} 积分" + string.Concat(a.CheckIn.StreakBonuses.Select(s => $"，连续第 {s.Day} 天额外 {s.Points} 积分")) + "。", $"Daily check-in earns {a.CheckIn.Points} point(s)" + string.Concat(a.CheckIn.StreakBonuses.Select(s => $"; day {s.Day} of a streak adds {s.Points}")) + ".");
        }

        foreach (var (platform, share) in a.Shares)
        {
            yield return t.Pick($"分享到 {platform} 每次得 {share.Points} 积分，每天最多 {share.DailyCap} 次。", $"Sharing on {platform} earns {share.Points} point(s), up to {share.DailyCap} time(s) a day.");
        }

        foreach (var task in a.Tasks)
        {
            yield return t.Pick($"完成任务「{(task.Name.Length > 0 ? task.Name : task.TaskId)}」得 {task.Points} 积分。", $"Completing \"{(task.Name.Length > 0 ? task.Name : task.TaskId)}\" earns {task.Points} points.");
        }
    }

    private static string Expiry(ProgramRules r, TermsText t) => r.Expiry.Mode switch
    {
        ExpiryMode.Never => t.Pick("积分永久有效。", "Points never expire."),
        ExpiryMode.FixedAnnual => t.Pick($"每年获得的积分于{(r.Expiry.Months >= 12 ? $" {r.Expiry.Months / 12} 年后的" : "当年")} {r.Expiry.ClearingMonth} 月 {r.Expiry.ClearingDay} 日 24:00（{r.TimeZone}）清零。", $"Points earned in a year are cleared at the end of {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(r.Expiry.ClearingMonth)} {r.Expiry.ClearingDay}{(r.Expiry.Months >= 12 ? $" {r.Expiry.Months / 12} year(s) later" : " of that year")} ({r.TimeZone})."),
        _ => t.Pick($"积分自获得之日起 {r.Expiry.Months} 个月{(r.Expiry.RoundToMonthEnd ? "后的月底" : string.Empty)}到期，先到期的积分先使用。", $"Points expire {r.Expiry.Months} months after they are earned{(r.Expiry.RoundToMonthEnd ? ", at the end of that month" : string.Empty)}; points expiring first are used first."),
    };

    private static IEnumerable<string> Tiers(ProgramRules r, TermsText t)
    {
        var basis = r.Tiers.Basis == TierBasis.Spend ? t.Pick($"消费金额（{r.Currency}）", $"cash spent ({r.Currency})") : t.Pick("获得的积分（非余额）", "points earned (not the balance)");
        var window = r.Tiers.Window == TierWindow.CalendarYear ? t.Pick("自然年内", "in the calendar year") : t.Pick("近 12 个月内", "in the last 12 months");
        yield return t.Pick($"等级按{window}{basis}评定，达到即升级。", $"Tiers follow {basis} {window}; you move up as soon as you qualify.");
        foreach (var level in r.Tiers.Levels)
        {
            var benefits = new List<string>();
            if (level.EarnMultiplier != 1)
            {
                benefits.Add(t.Pick($"{N(level.EarnMultiplier)} 倍积分", $"×{N(level.EarnMultiplier)} points"));
            }

            if (level.DiscountRate > 0)
            {
                benefits.Add(t.Pick($"会员 {N((1 - level.DiscountRate) * 10)} 折", $"{N(level.DiscountRate * 100)}% member discount"));
            }

            if (level.FreeShipping)
            {
                benefits.Add(t.Pick("包邮", "free shipping"));
            }

            if (level.Priority)
            {
                benefits.Add(t.Pick("优先服务", "priority service"));
            }

            yield return $"{level.Name}: {N(level.Threshold)}+" + (benefits.Count > 0 ? " — " + string.Join(t.Pick("，", ", "), benefits) : string.Empty);
        }
    }

    private static IEnumerable<string> Referrals(ProgramRules r, TermsText t)
    {
        var f = r.Referrals;
        var purchase = f.MinCashAmount > 0
            ? t.Pick($"首笔现金支付满 {N(f.MinCashAmount)} {r.Currency} 的消费", $"first purchase paying at least {N(f.MinCashAmount)} {r.Currency} in cash")
            : t.Pick("首笔现金消费", "first purchase paid (partly) in cash");
        if (f.EligibleStores.Count > 0)
        {
            purchase += t.Pick($"（限门店：{string.Join("、", f.EligibleStores)}）", $" (at stores {string.Join(", ", f.EligibleStores)})");
        }

        yield return t.Pick($"每位会员都有专属推荐码。新会员注册时填写推荐码，并在 {f.TimeoutDays} 天内完成{purchase}，即为推荐成功。", $"Every member has a referral code. A new member who registers with it and makes a {purchase} within {f.TimeoutDays} days completes the referral.");
        if (f.ReferrerWindowDays > 0)
        {
            yield return t.Pick($"注册时未填写的，可在注册后 {f.ReferrerWindowDays} 天内补填推荐码。", $"A member who registered without a code can add one within {f.ReferrerWindowDays} days of registering.");
        }

        // Referral points count toward a tier only where tiers follow points earned (not cash spent), on both sides alike.
        var tier = f.CountsTowardTier && r.Tiers.Basis == TierBasis.PointsEarned ? t.Pick("（计入等级成长）", " (counting toward the tier)") : t.Pick("（不计入等级成长）", " (not counting toward the tier)");
        var signUp = f.RefereePointsAtSignUp && f.RefereePoints > 0;
        if (f.ReferrerPoints > 0)
        {
            yield return t.Pick($"推荐成功，推荐人获得 {f.ReferrerPoints} 积分{tier}。", $"The referrer earns {f.ReferrerPoints} points per completed referral{tier}.");
        }

        if (f.RefereePoints > 0)
        {
            yield return signUp
                ? t.Pick($"新会员使用推荐码注册即得 {f.RefereePoints} 积分{tier}，之后的消费、退款或推荐上限不影响这部分积分。", $"The new member earns {f.RefereePoints} points on registering with a code{tier}; they keep them whatever happens to the referral afterwards.")
                : t.Pick($"推荐成功，新会员获得 {f.RefereePoints} 积分{tier}。", $"The new member earns {f.RefereePoints} points when the referral completes{tier}.");
        }

        if (r.Earning.ReturnWindowDays > 0)
        {
            yield return t.Pick($"推荐奖励在该笔消费 {r.Earning.ReturnWindowDays} 天退货期结束后发放；期内退款则推荐奖励取消。", $"The referral reward is paid when the purchase's {r.Earning.ReturnWindowDays}-day return window ends; a refund before then cancels it.");
        }

        if (f.MaxRewardsPerMonth > 0 || f.MaxRewardsLifetime > 0)
        {
            var caps = new List<string>();
            if (f.MaxRewardsPerMonth > 0)
            {
                caps.Add(t.Pick($"每月最多 {f.MaxRewardsPerMonth} 次", $"{f.MaxRewardsPerMonth} a month"));
            }

            if (f.MaxRewardsLifetime > 0)
            {
                caps.Add(t.Pick($"累计最多 {f.MaxRewardsLifetime} 次", $"{f.MaxRewardsLifetime} in total"));
            }

            yield return signUp
                ? t.Pick($"每位推荐人获得推荐奖励{string.Join("，", caps)}；超出的推荐不再发放推荐奖励（新会员注册所得积分保留）。", $"A referrer is rewarded for at most {string.Join(" and ", caps)}; a referral past that earns no referral reward (the new member keeps the points from registering).")
                : t.Pick($"每位推荐人获得推荐奖励{string.Join("，", caps)}；超出的推荐双方均无奖励。", $"A referrer is rewarded for at most {string.Join(" and ", caps)}; a referral past that earns neither side anything.");
        }

        yield return t.Pick("不可推荐自己或使用相同手机号的会员；每位新会员只能被推荐一次（以最先填写的推荐码为准）；账户冻结期间的推荐奖励在解冻后方可使用。", "You cannot refer yourself or a member with your phone number; a member can be referred once (the first code counts); a frozen referrer's rewards become usable only once unfrozen.");
    }

    private static string When(Campaign c, TermsText t)
    {
        var parts = new List<string>();
        if (c.StartDate is not null || c.EndDate is not null)
        {
            parts.Add(t.Pick($"{c.StartDate:yyyy-MM-dd} 至 {c.EndDate:yyyy-MM-dd}", $"from {c.StartDate:yyyy-MM-dd} to {c.EndDate:yyyy-MM-dd}"));
        }

        if (c.DaysOfWeek.Count > 0)
        {
            parts.Add(t.Pick($"每周{string.Join("、", c.DaysOfWeek.Select(d => "一二三四五六日"[d - 1]))}", $"on {string.Join(", ", c.DaysOfWeek.Select(d => ((DayOfWeek)(d % 7)).ToString()))}"));
        }

        if (c.DaysOfMonth.Count > 0)
        {
            parts.Add(t.Pick($"每月 {string.Join("、", c.DaysOfMonth)} 日", $"on day {string.Join(", ", c.DaysOfMonth)} of each month"));
        }

        if (c.Dates.Count > 0)
        {
            parts.Add(t.Pick(string.Join("、", c.Dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), "on " + string.Join(", ", c.Dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))));
        }

        return string.Join(t.Pick("，", ", "), parts);
    }

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private sealed record TermsText(bool Chinese)
    {
        public string Pick(string zh, string en) => Chinese ? zh : en;
    }
}

public sealed record TermsDocument(string Language, string ProgramName, int Version, IReadOnlyList<TermsSection> Sections);

public sealed record TermsSection(string Title, IReadOnlyList<string> Lines);
