using Loyalty.Core.Common;

namespace Loyalty.Core.Programs;

/// <summary>The <c>expiry</c> block: the months that fit its mode, and a clearing date that exists.</summary>
public static class ExpiryPolicyValidator
{
    public static void Validate(ExpiryPolicy expiry, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(expiry);
        ArgumentNullException.ThrowIfNull(errors);
        if (expiry.Mode == ExpiryMode.Rolling)
        {
            errors.Range("months", ProgramBounds.RollingExpiryMonths, expiry.Months, "months of rolling expiry");
        }

        if (expiry.Mode == ExpiryMode.FixedAnnual)
        {
            errors.Range("months", ProgramBounds.ExpiryMonths, expiry.Months, "months of fixed annual clearing");
        }

        // Checked whatever the mode, so a stored program never holds a clearing date that cannot exist.
        if (!ProgramBounds.ClearingMonth.Contains(expiry.ClearingMonth))
        {
            errors.Range("clearingMonth", ProgramBounds.ClearingMonth, expiry.ClearingMonth);
        }
        else if (!ProgramBounds.ClearingDay.Contains(expiry.ClearingDay) || expiry.ClearingDay > DateTime.DaysInMonth(2024, expiry.ClearingMonth))
        {
            errors.Add("clearingDay", "range", "clearingDay must be a day that exists in clearingMonth.");
        }
    }
}
