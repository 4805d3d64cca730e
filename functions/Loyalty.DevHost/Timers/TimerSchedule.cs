using System.Globalization;
using Cronos;

namespace Loyalty.DevHost.Timers;

/// <summary>A timer trigger's schedule: a six-field NCRONTAB expression (seconds first) or a TimeSpan interval, in UTC.</summary>
public sealed class TimerSchedule
{
    private readonly CronExpression? _cron;
    private readonly TimeSpan? _interval;

    private TimerSchedule(string expression, CronExpression? cron, TimeSpan? interval)
    {
        Expression = expression;
        _cron = cron;
        _interval = interval;
    }

    public string Expression { get; }

    public static TimerSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var trimmed = expression.Trim();
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 6)
        {
            return new TimerSchedule(trimmed, CronExpression.Parse(string.Join(' ', fields), CronFormat.IncludeSeconds), null);
        }

        if (fields.Length == 5)
        {
            // The Functions host accepts five fields too, and reads them as minute-level NCRONTAB.
            return new TimerSchedule(trimmed, CronExpression.Parse(string.Join(' ', fields), CronFormat.Standard), null);
        }

        return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero
            ? new TimerSchedule(trimmed, null, interval)
            : throw new FormatException($"'{expression}' is neither an NCRONTAB expression ('0 */5 * * * *') nor a TimeSpan ('00:05:00').");
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        if (_interval is { } interval)
        {
            return after + interval;
        }

        return _cron!.GetNextOccurrence(after, TimeZoneInfo.Utc)
            ?? throw new InvalidOperationException($"Schedule '{Expression}' has no further occurrence.");
    }
}
