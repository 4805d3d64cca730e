namespace Loyalty.Core.Common;

/// <summary>Day boundaries in a tenant's time zone.</summary>
public static class TenantClock
{
    public static TimeZoneInfo FindZone(string timeZoneId) => TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);

    public static bool IsKnownZone(string timeZoneId) => TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The instant a local calendar day starts in <paramref name="zone"/> (handles DST gaps by taking the first valid instant).</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The last instant of the local day: things that "expire on date D" are usable until D ends.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date, TimeZoneInfo zone) =>
        StartOfDay(date.AddDays(1), zone).AddTicks(-1);
}
