using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Expiry;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Tests.Expiry;

public sealed class ClearingScheduleTests
{
    private static readonly TimeZoneInfo Shanghai = TenantClock.FindZone("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = TenantClock.FindZone("America/New_York");

    private static DateTimeOffset At(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    private static readonly ExpiryPolicy DecemberClearing = new() { Mode = ExpiryMode.FixedAnnual, Months = 0, ClearingMonth = 12, ClearingDay = 31 };

    [Fact]
    public void Fixed_annual_points_are_usable_at_dec_31_23_59_59_and_cleared_in_the_run_for_dec_31_at_local_midnight()
    {
        var expiresAt = DecemberClearing.ExpiresAt(At("2026-06-01T10:00:00+08:00"), Shanghai);
        var run = ExpiryWindow.ForDay(new DateOnly(2026, 12, 31), Shanghai);

        Assert.Equal(At("2027-01-01T00:00:00+08:00"), expiresAt);
        Assert.Equal(new DateOnly(2026, 12, 31), ClearingSchedule.LastUsableDay(expiresAt, Shanghai));
        Assert.True(run.Contains(expiresAt));
        Assert.False(ExpiryWindow.ForDay(new DateOnly(2027, 1, 1), Shanghai).Contains(expiresAt));
        Assert.False(ClearingSchedule.HasEnded(new DateOnly(2026, 12, 31), At("2026-12-31T23:59:59+08:00"), Shanghai));
        Assert.True(ClearingSchedule.HasEnded(new DateOnly(2026, 12, 31), At("2027-01-01T00:00:00+08:00"), Shanghai));
        Assert.Equal(new DateOnly(2026, 12, 30), ClearingSchedule.LatestClearableDay(At("2026-12-31T23:59:59+08:00"), Shanghai));
        Assert.Equal(new DateOnly(2026, 12, 31), ClearingSchedule.LatestClearableDay(At("2027-01-01T00:00:00+08:00"), Shanghai));
    }

    [Fact]
    public void The_shanghai_new_year_run_is_due_at_16_00_utc_on_dec_31()
    {
        Assert.Equal(new DateOnly(2026, 12, 30), ClearingSchedule.LatestClearableDay(At("2026-12-31T15:59:59Z"), Shanghai));
        Assert.Equal(new DateOnly(2026, 12, 31), ClearingSchedule.LatestClearableDay(At("2026-12-31T16:00:00Z"), Shanghai));
    }

    [Fact]
    public void A_new_york_day_that_springs_forward_is_23_hours_long_and_one_that_falls_back_25()
    {
        var spring = ExpiryWindow.ForDay(new DateOnly(2026, 3, 8), NewYork);
        var autumn = ExpiryWindow.ForDay(new DateOnly(2026, 11, 1), NewYork);

        Assert.Equal(TimeSpan.FromHours(23), spring.UpTo - spring.After);
        Assert.Equal(TimeSpan.FromHours(25), autumn.UpTo - autumn.After);
        Assert.Equal(At("2026-03-09T04:00:00Z"), spring.UpTo);
        Assert.Equal(At("2026-11-02T05:00:00Z"), autumn.UpTo);
        // 01:30 on the fall-back day happens twice; both belong to Nov 1.
        Assert.True(autumn.Contains(At("2026-11-01T05:30:00Z")));
        Assert.True(autumn.Contains(At("2026-11-01T06:30:00Z")));
    }

    [Fact]
    public void Rolling_expiry_from_a_leap_day_and_from_month_ends_lands_on_the_right_last_day()
    {
        var toTheDay = new ExpiryPolicy { Mode = ExpiryMode.Rolling, Months = 12, RoundToMonthEnd = false };
        var toMonthEnd = new ExpiryPolicy { Mode = ExpiryMode.Rolling, Months = 1, RoundToMonthEnd = true };

        // Feb 29 + 12 months has no Feb 29: the last usable day is Feb 28.
        Assert.Equal(new DateOnly(2029, 2, 28), ClearingSchedule.LastUsableDay(toTheDay.ExpiresAt(At("2028-02-29T12:00:00+08:00"), Shanghai), Shanghai));
        // Jan 31 + 1 month, rounded to the month end: Feb 29 in a leap year, Feb 28 otherwise.
        Assert.Equal(new DateOnly(2028, 2, 29), ClearingSchedule.LastUsableDay(toMonthEnd.ExpiresAt(At("2028-01-31T12:00:00+08:00"), Shanghai), Shanghai));
        Assert.Equal(new DateOnly(2027, 2, 28), ClearingSchedule.LastUsableDay(toMonthEnd.ExpiresAt(At("2027-01-31T12:00:00+08:00"), Shanghai), Shanghai));
        // Earned at 23:30 local on Mar 31 (15:30 UTC): the tenant's date counts, not UTC's.
        Assert.Equal(new DateOnly(2026, 4, 30), ClearingSchedule.LastUsableDay(toMonthEnd.ExpiresAt(At("2026-03-31T15:30:00Z"), Shanghai), Shanghai));
    }

    [Fact]
    public void A_window_of_several_days_runs_from_the_start_of_the_first_to_the_start_of_the_day_after_the_last()
    {
        var window = ExpiryWindow.ForDays(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), Shanghai);

        Assert.Equal(At("2026-12-01T00:00:00+08:00"), window.After);
        Assert.Equal(At("2027-01-01T00:00:00+08:00"), window.UpTo);
        Assert.False(window.Contains(At("2026-12-01T00:00:00+08:00")));
        Assert.True(window.Contains(At("2026-12-01T00:00:01+08:00")));
    }
}
