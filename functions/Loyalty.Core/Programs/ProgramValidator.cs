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

        Range("earning.baseRatePoints", ProgramBounds.BaseRatePoints, earning.BaseRatePoints, fail);
        Range("earning.baseRatePer", ProgramBounds.BaseRatePer, earning.BaseRatePer, fail);
        Range("earning.returnWindowDays", ProgramBounds.ReturnWindowDays, earning.ReturnWindowDays, fail);
        Range("earning.maxPointsPerOrder", ProgramBounds.MaxPointsPerOrder, earning.MaxPointsPerOrder, fail);
        for (var i = 0; i < earning.Ladder.Count; i++)
        {
            Range($"earning.ladder[{i}].minAmount", ProgramBounds.LadderMinAmount, earning.Ladder[i].MinAmount, fail);
            Range($"earning.ladder[{i}].points", ProgramBounds.RulePoints, earning.Ladder[i].Points, fail);
        }

        if (earning.Ladder.Select(l => l.MinAmount).Distinct().Count() != earning.Ladder.Count)
        {
            fail("earning.ladder", "unique", "Ladder steps must have distinct minAmount values.");
        }

        foreach (var (name, multiplier) in earning.CategoryMultipliers)
        {
            Range($"earning.categoryMultipliers.{name}", ProgramBounds.EarnMultiplier, multiplier, fail);
        }

        foreach (var (name, multiplier) in earning.SkuMultipliers)
        {
            Range($"earning.skuMultipliers.{name}", ProgramBounds.EarnMultiplier, multiplier, fail);
        }

        for (var i = 0; i < earning.Campaigns.Count; i++)
        {
            ValidateCampaign(earning.Campaigns[i], $"earning.campaigns[{i}]", fail);
        }

        if (earning.Campaigns.Select(c => c.Id).Distinct().Count() != earning.Campaigns.Count)
        {
            fail("earning.campaigns", "unique", "Campaign ids must be unique.");
        }

        if (earning.Birthday is { } birthday)
        {
            Range("earning.birthday.multiplier", ProgramBounds.BoostMultiplier, birthday.Multiplier, fail);
            Range("earning.birthday.bonusPoints", ProgramBounds.RulePoints, birthday.BonusPoints, fail);
        }
    }

    private static void ValidateCampaign(Campaign campaign, string path, Action<string, string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(campaign.Id) || campaign.Id.Length > 64)
        {
            fail($"{path}.id", "required", "A campaign needs an id of at most 64 characters.");
        }

        Range($"{path}.multiplier", ProgramBounds.BoostMultiplier, campaign.Multiplier, fail);
        Range($"{path}.bonusPoints", ProgramBounds.RulePoints, campaign.BonusPoints, fail);
        Range($"{path}.maxBonusPerOrder", ProgramBounds.MaxBonusPerOrder, campaign.MaxBonusPerOrder, fail);

        if (campaign.StartDate > campaign.EndDate)
        {
            fail($"{path}.endDate", "after-start", "endDate must not be before startDate.");
        }

        for (var d = 0; d < campaign.DaysOfWeek.Count; d++)
        {
            Range($"{path}.daysOfWeek[{d}]", ProgramBounds.DayOfWeek, campaign.DaysOfWeek[d], fail, "an ISO day of the week (1 = Monday)");
        }

        for (var d = 0; d < campaign.DaysOfMonth.Count; d++)
        {
            Range($"{path}.daysOfMonth[{d}]", ProgramBounds.DayOfMonth, campaign.DaysOfMonth[d], fail, "a day of the month");
        }
    }

    private static void ValidateActivities(ActivityRules? activities, Action<string, string, string> fail)
    {
        if (activities is null)
        {
            fail("activities", "required", "activities is required.");
            return;
        }

        Range("activities.signUpBonus", ProgramBounds.RulePoints, activities.SignUpBonus, fail);
        Range("activities.checkIn.points", ProgramBounds.RulePoints, activities.CheckIn.Points, fail);
        Range("activities.checkIn.cycleDays", ProgramBounds.CycleDays, activities.CheckIn.CycleDays, fail);
        for (var i = 0; i < activities.CheckIn.StreakBonuses.Count; i++)
        {
            Range($"activities.checkIn.streakBonuses[{i}].day", ProgramBounds.StreakDay, activities.CheckIn.StreakBonuses[i].Day, fail);
            Range($"activities.checkIn.streakBonuses[{i}].points", ProgramBounds.RulePoints, activities.CheckIn.StreakBonuses[i].Points, fail);
        }

        foreach (var (platform, share) in activities.Shares)
        {
            Range($"activities.shares.{platform}.points", ProgramBounds.RulePoints, share.Points, fail);
            Range($"activities.shares.{platform}.dailyCap", ProgramBounds.DailyCap, share.DailyCap, fail);
        }

        for (var i = 0; i < activities.Tasks.Count; i++)
        {
            var task = activities.Tasks[i];
            if (string.IsNullOrWhiteSpace(task.TaskId))
            {
                fail($"activities.tasks[{i}].taskId", "required", "A task needs a taskId.");
            }

            Range($"activities.tasks[{i}].points", ProgramBounds.RulePoints, task.Points, fail);
            Range($"activities.tasks[{i}].maxPerPeriod", ProgramBounds.MaxPerPeriod, task.MaxPerPeriod, fail);
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

        for (var i = 0; i < tiers.Levels.Count; i++)
        {
            Range($"tiers.levels[{i}].threshold", ProgramBounds.TierThreshold, tiers.Levels[i].Threshold, fail);
            Range($"tiers.levels[{i}].earnMultiplier", ProgramBounds.EarnMultiplier, tiers.Levels[i].EarnMultiplier, fail);
            Range($"tiers.levels[{i}].discountRate", ProgramBounds.DiscountRate, tiers.Levels[i].DiscountRate, fail);
        }

        if (tiers.Levels.Select(l => l.Name).Distinct().Count() != tiers.Levels.Count || tiers.Levels.Any(l => string.IsNullOrWhiteSpace(l.Name)))
        {
            fail("tiers.levels", "unique", "Tier names must be non-empty and unique.");
        }

        Range("tiers.retentionMonths", ProgramBounds.RetentionMonths, tiers.RetentionMonths, fail);
    }

    private static void ValidateCash(Pos.PointsCashRules? cash, Action<string, string, string> fail)
    {
        if (cash is null)
        {
            fail("cash", "required", "cash is required (omit it for the defaults).");
            return;
        }

        Range("cash.pointsPerYuan", ProgramBounds.PointsPerYuan, cash.PointsPerYuan, fail);
        Range("cash.minPoints", ProgramBounds.MinPoints, cash.MinPoints, fail);
        Range("cash.maxShareOfOrder", ProgramBounds.MaxShareOfOrder, cash.MaxShareOfOrder, fail);
        Range("cash.holdTimeoutMinutes", ProgramBounds.HoldTimeoutMinutes, cash.HoldTimeoutMinutes, fail);

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
            if (name.Length is 0 or > 64 || !ProgramBounds.PriceFactor.Contains(factor))
            {
                fail($"{field}.{name}", "price-factor", $"a price factor must be {ProgramBounds.PriceFactor.Describe()} (0.9 = 10% off).");
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

        Range("transfers.maxTransfersPerMonth", ProgramBounds.MaxTransfersPerMonth, transfers.MaxTransfersPerMonth, fail);
        Range("transfers.maxPointsPerMonth", ProgramBounds.MaxTransferPointsPerMonth, transfers.MaxPointsPerMonth, fail);
        Range("transfers.maxFamilyMembers", ProgramBounds.MaxFamilyMembers, transfers.MaxFamilyMembers, fail);
    }

    private static void Range(string field, Bound bound, decimal value, Action<string, string, string> fail, string? what = null)
    {
        if (!bound.Contains(value))
        {
            var violation = bound.Violation(field, what);
            fail(violation.Field, violation.Rule, violation.Message);
        }
    }

    private static void ValidateExpiry(ExpiryPolicy? expiry, Action<string, string, string> fail)
    {
        if (expiry is null)
        {
            fail("expiry", "required", "expiry is required.");
            return;
        }

        if (expiry.Mode == ExpiryMode.Rolling)
        {
            Range("expiry.months", ProgramBounds.RollingExpiryMonths, expiry.Months, fail, "months of rolling expiry");
        }

        if (expiry.Mode == ExpiryMode.FixedAnnual)
        {
            Range("expiry.months", ProgramBounds.ExpiryMonths, expiry.Months, fail, "months of fixed annual clearing");
        }

        // Checked whatever the mode, so a stored program never holds a clearing date that cannot exist.
        if (!ProgramBounds.ClearingMonth.Contains(expiry.ClearingMonth))
        {
            Range("expiry.clearingMonth", ProgramBounds.ClearingMonth, expiry.ClearingMonth, fail);
        }
        else if (!ProgramBounds.ClearingDay.Contains(expiry.ClearingDay) || expiry.ClearingDay > DateTime.DaysInMonth(2024, expiry.ClearingMonth))
        {
            fail("expiry.clearingDay", "range", "clearingDay must be a day that exists in clearingMonth.");
        }
    }
}
