using Loyalty.Core.Common;

namespace Loyalty.Core.Expiry;

/// <summary>The date arithmetic of clearing and reminders, all in the tenant's time zone.</summary>
public static class ClearingSchedule
{
    /// <summary>The last local day on which points expiring at <paramref name="expiresAt"/> still count (usable while now &lt; expiresAt).</summary>
    public static DateOnly LastUsableDay(DateTimeOffset expiresAt, TimeZoneInfo zone) =>
        TenantClock.LocalDate(expiresAt.AddTicks(-1), zone);

    /// <summary>The latest day whose clearing may run at <paramref name="now"/>: the one that ended most recently.</summary>
    public static DateOnly LatestClearableDay(DateTimeOffset now, TimeZoneInfo zone) =>
        TenantClock.LocalDate(now, zone).AddDays(-1);

    /// <summary>True once every point whose last usable day is <paramref name="day"/> has stopped counting.</summary>
    public static bool HasEnded(DateOnly day, DateTimeOffset now, TimeZoneInfo zone) =>
        now >= TenantClock.StartOfDay(day.AddDays(1), zone);
}
