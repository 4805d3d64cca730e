using Loyalty.Core.Common;

namespace Loyalty.Core.Programs;

/// <summary>Checks a whole program and reports every problem at once, each with the JSON path of its field.</summary>
public static class ProgramValidator
{
    private static readonly HashSet<string> Currencies = ["CNY", "HKD", "MOP", "TWD", "USD", "EUR", "SGD", "JPY", "KRW", "GBP", "AUD", "MYR", "THB"];

    public static IReadOnlyList<FieldError> Validate(ProgramRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<FieldError>();
        void Fail(string field, string rule, string message) => errors.Add(new FieldError(field, rule, message));

        if (string.IsNullOrWhiteSpace(rules.Name) || rules.Name.Length > 100)
        {
            Fail("name", "length", "name must be 1-100 characters.");
        }

        if (!TenantClock.IsKnownZone(rules.TimeZone))
        {
            Fail("timeZone", "known-time-zone", $"'{rules.TimeZone}' is not a known IANA time zone.");
        }

        if (!Currencies.Contains(rules.Currency))
        {
            Fail("currency", "iso-4217", $"'{rules.Currency}' is not a supported ISO 4217 currency code.");
        }

        ValidateEarning(rules.Earning, Fail);
        ValidateExpiry(rules.Expiry, Fail);
        ValidateActivities(rules.Activities, Fail);
        ValidateTiers(rules.Tiers, Fail);
        ValidateCash(rules.Cash, Fail);
        ValidateTransfers(rules.Transfers, Fail);
        errors.AddRange(Webhooks.WeChat.WeChatRulesValidator.Validate(rules));
        return errors;
    }

    private static void ValidateEarning(EarningRules? earning, Action<string, string, string> fail)
    {
        if (earning is null)
        {
            fail("earning", "required", "earning is required.");
            return;
        }

        if (earning.BaseRatePoints < 0 || earning.BaseRatePoints > 10_000)
        {
            fail("earning.baseRatePoints", "range", "baseRatePoints must be between 0 and 10000.");
        }

        if (earning.BaseRatePer <= 0 || earning.BaseRatePer > 1_000_000)
        {
            fail("earning.baseRatePer", "range", "baseRatePer must be greater than 0 and at most 1000000.");
        }

        if (earning.ReturnWindowDays is < 0 or > 365)
        {
            fail("earning.returnWindowDays", "range", "returnWindowDays must be between 0 and 365.");
        }

        if (earning.MaxPointsPerOrder < 0)
        {
            fail("earning.maxPointsPerOrder", "range", "maxPointsPerOrder must be 0 (no cap) or positive.");
        }

        for (var i = 0; i < earning.Ladder.Count; i++)
        {
            if (earning.Ladder[i].MinAmount <= 0 || earning.Ladder[i].Points < 0)
            {
                fail($"earning.ladder[{i}]", "range", "A ladder step needs minAmount > 0 and points >= 0.");
            }
        }

        if (earning.Ladder.Select(l => l.MinAmount).Distinct().Count() != earning.Ladder.Count)
        {
            fail("earning.ladder", "unique", "Ladder steps must have distinct minAmount values.");
        }

        foreach (var (name, multiplier) in earning.CategoryMultipliers.Concat(earning.SkuMultipliers))
        {
            if (multiplier is < 0 or > 100)
            {
                fail($"earning.multipliers.{name}", "range", "Multipliers must be between 0 and 100.");
            }
        }

        for (var i = 0; i < earning.Campaigns.Count; i++)
        {
            ValidateCampaign(earning.Campaigns[i], $"earning.campaigns[{i}]", fail);
        }

        if (earning.Campaigns.Select(c => c.Id).Distinct().Count() != earning.Campaigns.Count)
        {
            fail("earning.campaigns", "unique", "Campaign ids must be unique.");
        }

        if (earning.Birthday is { } birthday && (birthday.Multiplier is < 1 or > 100 || birthday.BonusPoints < 0))
        {
            fail("earning.birthday", "range", "birthday needs a multiplier between 1 and 100 and bonusPoints >= 0.");
        }
    }

    private static void ValidateCampaign(Campaign campaign, string path, Action<string, string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(campaign.Id) || campaign.Id.Length > 64)
        {
            fail($"{path}.id", "required", "A campaign needs an id of at most 64 characters.");
        }

        if (campaign.Multiplier is < 1 or > 100)
        {
            fail($"{path}.multiplier", "range", "multiplier must be between 1 and 100.");
        }

        if (campaign.BonusPoints < 0 || campaign.MaxBonusPerOrder < 0)
        {
            fail($"{path}.bonusPoints", "range", "bonusPoints and maxBonusPerOrder must not be negative.");
        }

        if (campaign.StartDate > campaign.EndDate)
        {
            fail($"{path}.endDate", "after-start", "endDate must not be before startDate.");
        }

        if (campaign.DaysOfWeek.Any(d => d is < 1 or > 7))
        {
            fail($"{path}.daysOfWeek", "range", "daysOfWeek are ISO days 1 (Monday) to 7 (Sunday).");
        }

        if (campaign.DaysOfMonth.Any(d => d is < 1 or > 31))
        {
            fail($"{path}.daysOfMonth", "range", "daysOfMonth are 1 to 31.");
        }
    }

    private static void ValidateActivities(ActivityRules? activities, Action<string, string, string> fail)
    {
        if (activities is null)
        {
            fail("activities", "required", "activities is required.");
            return;
        }

        if (activities.SignUpBonus is < 0 or > 1_000_000)
        {
            fail("activities.signUpBonus", "range", "signUpBonus must be between 0 and 1000000.");
        }

        if (activities.CheckIn.Points < 0 || activities.CheckIn.CycleDays is < 0 or > 366 || activities.CheckIn.StreakBonuses.Any(b => b.Day < 1 || b.Points < 0))
        {
            fail("activities.checkIn", "range", "checkIn needs points >= 0, cycleDays 0-366 and streak bonuses with day >= 1 and points >= 0.");
        }

        foreach (var (platform, share) in activities.Shares)
        {
            if (share.Points < 0 || share.DailyCap < 1)
            {
                fail($"activities.shares.{platform}", "range", "A share rule needs points >= 0 and dailyCap >= 1.");
            }
        }

        for (var i = 0; i < activities.Tasks.Count; i++)
        {
            var task = activities.Tasks[i];
            if (string.IsNullOrWhiteSpace(task.TaskId) || task.Points < 0 || task.MaxPerPeriod < 1)
            {
                fail($"activities.tasks[{i}]", "range", "A task needs a taskId, points >= 0 and maxPerPeriod >= 1.");
            }
        }

        if (activities.Tasks.Select(t => t.TaskId).Distinct().Count() != activities.Tasks.Count)
        {
            fail("activities.tasks", "unique", "Task ids must be unique.");
        }
    }

    private static void ValidateTiers(TierRules? tiers, Action<string, string, string> fail)
    {
        if (tiers is null || tiers.Levels.Count == 0)
        {
            fail("tiers.levels", "required", "At least one tier level is required.");
            return;
        }

        if (tiers.Levels[0].Threshold != 0)
        {
            fail("tiers.levels[0].threshold", "zero", "The first (base) tier must have threshold 0.");
        }

        for (var i = 1; i < tiers.Levels.Count; i++)
        {
            if (tiers.Levels[i].Threshold <= tiers.Levels[i - 1].Threshold)
            {
                fail($"tiers.levels[{i}].threshold", "ascending", "Tier thresholds must increase from one level to the next.");
            }
        }

        if (tiers.Levels.Any(l => l.EarnMultiplier is < 0 or > 100 || l.DiscountRate is < 0 or >= 1))
        {
            fail("tiers.levels", "range", "earnMultiplier must be 0-100 and discountRate at least 0 and below 1.");
        }

        if (tiers.Levels.Select(l => l.Name).Distinct().Count() != tiers.Levels.Count || tiers.Levels.Any(l => string.IsNullOrWhiteSpace(l.Name)))
        {
            fail("tiers.levels", "unique", "Tier names must be non-empty and unique.");
        }

        if (tiers.RetentionMonths is < 0 or > 36)
        {
            fail("tiers.retentionMonths", "range", "retentionMonths must be between 0 and 36.");
        }
    }

    private static void ValidateCash(Pos.PointsCashRules? cash, Action<string, string, string> fail)
    {
        if (cash is null)
        {
            fail("cash", "required", "cash is required (omit it for the defaults).");
            return;
        }

        if (cash.PointsPerYuan is < 1 or > 100_000)
        {
            fail("cash.pointsPerYuan", "range", "pointsPerYuan must be between 1 and 100000.");
        }

        if (cash.MinPoints is < 0 or > 100_000_000)
        {
            fail("cash.minPoints", "range", "minPoints must be between 0 and 100000000.");
        }

        if (cash.MaxShareOfOrder is < 0 or > 1)
        {
            fail("cash.maxShareOfOrder", "range", "maxShareOfOrder must be between 0 and 1.");
        }

        if (cash.HoldTimeoutMinutes is < 1 or > 1440)
        {
            fail("cash.holdTimeoutMinutes", "range", "holdTimeoutMinutes must be between 1 and 1440.");
        }

        if (cash.ExcludedCategories is null || cash.ExcludedCategories.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 64))
        {
            fail("cash.excludedCategories", "category", "excludedCategories must be categories of 1-64 characters.");
        }

        ValidateFactors("cash.memberPrices", cash.MemberPrices, fail);
        ValidateFactors("cash.tierDiscounts", cash.TierDiscounts, fail);
    }

    private static void ValidateFactors(string field, IReadOnlyDictionary<string, decimal>? factors, Action<string, string, string> fail)
    {
        foreach (var (name, factor) in factors ?? new Dictionary<string, decimal>())
        {
            if (name.Length is 0 or > 64 || factor is <= 0 or > 1)
            {
                fail($"{field}.{name}", "price-factor", "a price factor must be greater than 0 and at most 1 (0.9 = 10% off).");
            }
        }
    }

    private static void ValidateTransfers(Family.TransferRules? transfers, Action<string, string, string> fail)
    {
        if (transfers is null)
        {
            fail("transfers", "required", "transfers is required (omit it for the defaults).");
            return;
        }

        if (transfers.MaxTransfersPerMonth is < 1 or > 1000)
        {
            fail("transfers.maxTransfersPerMonth", "range", "maxTransfersPerMonth must be between 1 and 1000.");
        }

        if (transfers.MaxPointsPerMonth is < 1 or > 100_000_000)
        {
            fail("transfers.maxPointsPerMonth", "range", "maxPointsPerMonth must be between 1 and 100000000.");
        }

        if (transfers.MaxFamilyMembers is < 1 or > 20)
        {
            fail("transfers.maxFamilyMembers", "range", "maxFamilyMembers must be between 1 and 20.");
        }
    }

    private static void ValidateExpiry(ExpiryPolicy? expiry, Action<string, string, string> fail)
    {
        if (expiry is null)
        {
            fail("expiry", "required", "expiry is required.");
            return;
        }

        if (expiry.Mode == ExpiryMode.Rolling && expiry.Months is < 1 or > 120)
        {
            fail("expiry.months", "range", "months must be between 1 and 120 for rolling expiry.");
        }

        if (expiry.Mode == ExpiryMode.FixedAnnual)
        {
            if (expiry.Months is < 0 or > 120)
            {
                fail("expiry.months", "range", "months must be between 0 and 120 for fixed annual clearing.");
            }

            if (expiry.ClearingMonth is < 1 or > 12)
            {
                fail("expiry.clearingMonth", "range", "clearingMonth must be between 1 and 12.");
            }
            else if (expiry.ClearingDay < 1 || expiry.ClearingDay > DateTime.DaysInMonth(2024, expiry.ClearingMonth))
            {
                fail("expiry.clearingDay", "range", "clearingDay must be a day that exists in clearingMonth.");
            }
        }
    }
}
