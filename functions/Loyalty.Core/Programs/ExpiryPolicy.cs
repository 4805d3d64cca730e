using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Programs;

public enum ExpiryMode
{
    /// <summary>Points expire a number of months after they were earned.</summary>
    Rolling,

    /// <summary>Points earned in a clearing year are cleared together on a fixed date (e.g. Dec 31, tenant time).</summary>
    FixedAnnual,

    Never,
}

/// <summary>When points expire. Expiry is rounded to the end of a local day (or month) so a member's lots stay few.</summary>
public sealed record ExpiryPolicy
{
    public ExpiryMode Mode { get; init; } = ExpiryMode.Rolling;

    /// <summary>Rolling: months from earning. FixedAnnual: points earned in a year are cleared at the end of the clearing date of the year after <c>Months / 12</c> years (0 = the same year).</summary>
    public int Months { get; init; } = 24;

    /// <summary>Rolling: expire at the end of the month the period ends in rather than on the exact day.</summary>
    public bool RoundToMonthEnd { get; init; } = true;

    public int ClearingMonth { get; init; } = 12;

    public int ClearingDay { get; init; } = 31;

    /// <summary>The first instant at which points earned at <paramref name="earnedAt"/> no longer count.</summary>
    public DateTimeOffset ExpiresAt(DateTimeOffset earnedAt, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var earnedOn = TenantClock.LocalDate(earnedAt, zone);
        switch (Mode)
        {
            case ExpiryMode.Never:
                return PointsLot.NeverExpires;
            case ExpiryMode.FixedAnnual:
                var clearing = ClearingDate(earnedOn.Year, Months / 12);
                if (clearing < earnedOn)
                {
                    clearing = ClearingDate(earnedOn.Year + 1, Months / 12);
                }

                return TenantClock.StartOfDay(clearing.AddDays(1), zone);
            default:
                var last = earnedOn.AddMonths(Months);
                if (RoundToMonthEnd)
                {
                    last = new DateOnly(last.Year, last.Month, DateTime.DaysInMonth(last.Year, last.Month));
                }

                return TenantClock.StartOfDay(last.AddDays(1), zone);
        }
    }

    private DateOnly ClearingDate(int year, int yearsLater)
    {
        var y = year + yearsLater;
        return new DateOnly(y, ClearingMonth, Math.Min(ClearingDay, DateTime.DaysInMonth(y, ClearingMonth)));
    }
}
