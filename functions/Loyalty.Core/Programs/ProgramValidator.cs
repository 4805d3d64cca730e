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
        ValidateCash(rules.Cash, Fail);
        ValidateTransfers(rules.Transfers, Fail);
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
