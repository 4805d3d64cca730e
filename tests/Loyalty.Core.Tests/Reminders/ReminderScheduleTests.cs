using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Expiry;
using Loyalty.Core.Programs;
using Loyalty.Core.Reminders;

namespace Loyalty.Core.Tests.Reminders;

public sealed class ReminderScheduleTests
{
    private static readonly TimeZoneInfo Shanghai = TenantClock.FindZone("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = TenantClock.FindZone("America/New_York");

    private static readonly ReminderRules Rules = new() { Enabled = true, OffsetsDays = [30, 7] };

    private static DateTimeOffset At(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    private static DateOnly Day(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<(int, DateOnly)> Slots(ReminderRules rules, TimeZoneInfo zone, string now) =>
        [.. ReminderSchedule.Due(rules, zone, At(now)).Slots.Select(s => (s.OffsetDays, s.LastUsableDay))];

    [Fact]
    public void The_dec_31_clearing_is_announced_on_dec_1_and_dec_24_from_the_send_time_in_shanghai()
    {
        var clearing = new ExpiryPolicy { Mode = ExpiryMode.FixedAnnual, Months = 0, ClearingMonth = 12, ClearingDay = 31 }
            .ExpiresAt(At("2026-03-01T12:00:00+08:00"), Shanghai);
        var dec31 = ClearingSchedule.LastUsableDay(clearing, Shanghai);

        var beforeSendTime = Slots(Rules, Shanghai, "2026-12-24T09:59:59+08:00");
        var atSendTime = Slots(Rules, Shanghai, "2026-12-24T10:00:00+08:00");
        var month = Slots(Rules, Shanghai, "2026-12-01T10:00:00+08:00");

        Assert.Equal(Day("2026-12-31"), dec31);
        Assert.DoesNotContain((7, dec31), beforeSendTime);
        Assert.Contains((7, dec31), atSendTime);
        Assert.Contains((30, dec31), month);
        Assert.True(new ReminderSlot(7, dec31).Window(Shanghai).Contains(clearing));
        Assert.False(new ReminderSlot(7, dec31).Window(Shanghai).Contains(At("2026-12-31T00:00:00+08:00")));
    }

    [Fact]
    public void Inside_the_quiet_hours_nothing_is_due_and_the_next_morning_catches_up_yesterdays()
    {
        var quiet = ReminderSchedule.Due(Rules, Shanghai, At("2026-12-24T21:00:00+08:00"));
        var stillQuiet = ReminderSchedule.Due(Rules, Shanghai, At("2026-12-25T08:59:59+08:00"));
        var morning = Slots(Rules, Shanghai, "2026-12-25T09:00:00+08:00");

        Assert.True(quiet.Quiet);
        Assert.Empty(quiet.Slots);
        Assert.True(stillQuiet.Quiet);
        Assert.Equal([(7, Day("2026-12-31")), (30, Day("2027-01-23"))], morning);
        Assert.True(ReminderSchedule.IsQuiet(Rules, Shanghai, At("2026-12-24T23:30:00+08:00")));
        Assert.False(ReminderSchedule.IsQuiet(Rules, Shanghai, At("2026-12-24T20:59:59+08:00")));
    }

    [Fact]
    public void A_catch_up_day_that_is_another_offsets_own_day_is_left_to_that_offset()
    {
        var adjacent = Rules with { OffsetsDays = [8, 7] };

        var slots = Slots(adjacent, Shanghai, "2026-12-24T10:00:00+08:00");

        // Yesterday's 8-day reminder is for Dec 31, today's 7-day one too: one slot, the 7-day one.
        Assert.Equal([(8, Day("2027-01-01")), (7, Day("2026-12-31"))], slots.Where(s => s.Item2 >= Day("2026-12-31")).OrderByDescending(s => s.Item1));
        Assert.DoesNotContain((8, Day("2026-12-31")), slots);
        Assert.Contains((7, Day("2026-12-30")), slots);
    }

    [Fact]
    public void In_new_york_a_send_time_skipped_by_daylight_saving_is_due_from_the_first_valid_minute()
    {
        var rules = Rules with { SendTime = "02:30", QuietHours = new QuietHours { Start = "22:00", End = "01:00" } };

        // 2027-03-14: clocks jump from 02:00 EST to 03:00 EDT, so 02:30 never happens that day.
        var lastMinuteOfStandardTime = Slots(rules, NewYork, "2027-03-14T06:59:00Z");
        var firstMinuteOfSummerTime = Slots(rules, NewYork, "2027-03-14T07:00:00Z");
        var fallBack = Slots(rules, NewYork, "2027-11-07T06:30:00Z");

        Assert.DoesNotContain((7, Day("2027-03-21")), lastMinuteOfStandardTime);
        Assert.Contains((7, Day("2027-03-21")), firstMinuteOfSummerTime);

        // 2027-11-07: 01:30 happens twice; 06:30Z is the second (EST), still before the send time.
        Assert.DoesNotContain((7, Day("2027-11-14")), fallBack);
        Assert.Contains((7, Day("2027-11-14")), Slots(rules, NewYork, "2027-11-07T07:30:00Z"));
    }

    [Fact]
    public void Leap_days_and_month_ends_are_counted_as_calendar_days()
    {
        var leap = Slots(Rules, Shanghai, "2028-01-30T10:00:00+08:00");
        var monthEnd = Slots(Rules, Shanghai, "2027-01-24T10:00:00+08:00");
        var rolling = new ExpiryPolicy { Mode = ExpiryMode.Rolling, Months = 1 }.ExpiresAt(At("2026-12-31T15:00:00+08:00"), Shanghai);

        Assert.Contains((30, Day("2028-02-29")), leap);
        Assert.Contains((7, Day("2027-01-31")), monthEnd);
        Assert.True(new ReminderSlot(7, ClearingSchedule.LastUsableDay(rolling, Shanghai)).Window(Shanghai).Contains(rolling));
    }
}
