using Loyalty.Core.Common;

namespace Loyalty.Core.Expiry;

/// <summary>
/// The expiry instants of points whose last usable local day is one date: after the start of that day, up to and
/// including the start of the next. Fixed annual clearing at the end of Dec 31 expires at Jan 1 00:00 local time, so it
/// belongs to Dec 31.
/// </summary>
public sealed record ExpiryWindow(DateTimeOffset After, DateTimeOffset UpTo)
{
    public static ExpiryWindow ForDay(DateOnly lastUsableDay, TimeZoneInfo zone) =>
        ForDays(lastUsableDay, lastUsableDay, zone);

    /// <summary>Every expiry whose last usable day is between <paramref name="first"/> and <paramref name="last"/>, both included.</summary>
    public static ExpiryWindow ForDays(DateOnly first, DateOnly last, TimeZoneInfo zone) =>
        new(TenantClock.StartOfDay(first, zone), TenantClock.StartOfDay(last.AddDays(1), zone));

    public bool Contains(DateTimeOffset expiresAt) => expiresAt > After && expiresAt <= UpTo;
}
