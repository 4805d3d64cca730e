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
