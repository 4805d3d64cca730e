using Loyalty.DevHost.Timers;

namespace Loyalty.EndToEnd.Tests.DevHost;

public sealed class TimerScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 7, 30, TimeSpan.Zero);

    [Theory]
    [InlineData("0 */5 * * * *", "2026-11-24T10:10:00Z")]
    [InlineData("0 0 2 * * *", "2026-11-25T02:00:00Z")]
    [InlineData("30 7 10 * * *", "2026-11-25T10:07:30Z")]
    [InlineData("0 0 0 1 1 *", "2027-01-01T00:00:00Z")]
    [InlineData("00:15:00", "2026-11-24T10:22:30Z")]
    public void Next_occurrence_is_in_utc_and_strictly_after_now(string expression, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TimerSchedule.Parse(expression).Next(Start));
    }

    /// <summary>Early on the day of a yearly schedule its next occurrence is later that day, not a year on.</summary>
    [Theory]
    [InlineData("2027-01-01T00:00:00Z", "2027-01-01T03:00:00Z")]
    [InlineData("2027-01-01T02:59:59Z", "2027-01-01T03:00:00Z")]
    [InlineData("2027-01-01T03:00:00Z", "2028-01-01T03:00:00Z")]
    [InlineData("2026-12-31T23:59:59Z", "2027-01-01T03:00:00Z")]
    public void A_yearly_schedule_counts_from_the_instant_not_from_the_year(string now, string expected)
    {
        var at = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TimerSchedule.Parse("0 0 3 1 1 *").Next(at));
    }

    [Theory]
    [InlineData("every five minutes")]
    [InlineData("0 */5 * * *  * *")]
    public void Nonsense_schedule_is_refused(string expression)
    {
        Assert.ThrowsAny<FormatException>(() => TimerSchedule.Parse(expression));
    }
}
