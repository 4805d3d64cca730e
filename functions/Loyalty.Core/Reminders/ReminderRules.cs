using System.Globalization;
using Loyalty.Core.Members;

namespace Loyalty.Core.Reminders;

/// <summary>
/// The program's <c>reminders</c> block (清零前提醒): which days before points expire a member gets one SMS, at what
/// local time, outside which quiet hours, from which sender, with which text per language. Off unless the merchant
/// enables it.
/// </summary>
public sealed record ReminderRules
{
    public bool Enabled { get; init; }

    /// <summary>Days before the last usable day of the points (e.g. 30 and 7); one SMS per member and offset.</summary>
    public IReadOnlyList<int> OffsetsDays { get; init; } = [30, 7];

    /// <summary>Local time (program time zone, <c>HH:mm</c>) from which a day's reminders go out.</summary>
    public string SendTime { get; init; } = "10:00";

    /// <summary>No SMS in these local hours: a reminder due then waits until they end.</summary>
    public QuietHours QuietHours { get; init; } = new();

    /// <summary>The sender (an E.164 number or an alphanumeric sender id on the Communication Services resource); null = the app's <c>Sms__From</c>.</summary>
    public string? SenderId { get; init; }

    /// <summary>The text per member language; a language without one uses <see cref="MemberLanguage.Default"/>'s.</summary>
    public IReadOnlyDictionary<string, string> Templates { get; init; } = new Dictionary<string, string>
    {
        [MemberLanguage.Chinese] = "【{program}】{name}您好，您有{points}积分将于{date}到期清零，请尽快使用。回复TD退订",
        [MemberLanguage.English] = "{program}: Hi {name}, {points} of your points expire after {date}. Use them before then. Reply STOP to opt out.",
    };

    public const string TimeFormat = "HH:mm";

    public TimeOnly SendAt => ParseTime(SendTime) ?? new TimeOnly(10, 0);

    /// <summary>The template for a member's language, falling back to the default language's.</summary>
    public string TemplateFor(string language) =>
        Templates.TryGetValue(language, out var template) ? template : Templates[MemberLanguage.Default];

    public static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}

/// <summary>Local hours without SMS, <c>HH:mm</c> to <c>HH:mm</c> (program time zone); a start after the end spans midnight.</summary>
public sealed record QuietHours
{
    public string Start { get; init; } = "21:00";

    public string End { get; init; } = "09:00";

    /// <summary>True when <paramref name="time"/> falls in the quiet hours (start included, end excluded); equal start and end = none.</summary>
    public bool Contains(TimeOnly time)
    {
        if (ReminderRules.ParseTime(Start) is not { } start || ReminderRules.ParseTime(End) is not { } end || start == end)
        {
            return false;
        }

        return start < end ? time >= start && time < end : time >= start || time < end;
    }
}
