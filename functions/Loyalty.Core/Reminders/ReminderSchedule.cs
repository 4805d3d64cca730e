using Loyalty.Core.Expiry;

namespace Loyalty.Core.Reminders;

/// <summary>
/// Which reminders are due at an instant, in the program's time zone. A reminder for offset <c>d</c> goes out on the
/// day <c>d</c> days before the points' last usable day, from the send time on; yesterday's are still due (a run that
/// was missed, or cut short by the quiet hours, is caught up the next day) unless that day is another offset's own.
/// Nothing is due inside the quiet hours: what is due waits, it is not dropped.
/// </summary>
public static class ReminderSchedule
{
    public static ReminderSlate Due(ReminderRules rules, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (IsQuiet(rules, zone, now))
        {
            return new ReminderSlate(Quiet: true, []);
        }

        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var today = DateOnly.FromDateTime(local);
        var offsets = rules.OffsetsDays.Distinct().Order().ToList();
        var sendDays = TimeOnly.FromDateTime(local) >= rules.SendAt ? new[] { today.AddDays(-1), today } : [today.AddDays(-1)];
        var slots = new List<ReminderSlot>();
        foreach (var sendDay in sendDays)
        {
            foreach (var offset in offsets)
            {
                var lastUsableDay = sendDay.AddDays(offset);
                if (sendDay < today && offsets.Contains(lastUsableDay.DayNumber - today.DayNumber))
                {
                    continue;
                }

                slots.Add(new ReminderSlot(offset, lastUsableDay));
            }
        }

        return new ReminderSlate(Quiet: false, slots);
    }

    /// <summary>True when <paramref name="now"/> is inside the program's quiet hours.</summary>
    public static bool IsQuiet(ReminderRules rules, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.QuietHours.Contains(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime));
    }
}

/// <summary>The reminders due now; <see cref="Quiet"/> means none may go out until the quiet hours end.</summary>
public sealed record ReminderSlate(bool Quiet, IReadOnlyList<ReminderSlot> Slots);

/// <summary>One offset's reminder for the points whose last usable day is <see cref="LastUsableDay"/>.</summary>
public sealed record ReminderSlot(int OffsetDays, DateOnly LastUsableDay)
{
    public ExpiryWindow Window(TimeZoneInfo zone) => ExpiryWindow.ForDay(LastUsableDay, zone);
}
