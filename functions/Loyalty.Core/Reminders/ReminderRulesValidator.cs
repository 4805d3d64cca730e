using System.Text.RegularExpressions;
using Loyalty.Core.Common;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Reminders;

/// <summary>The <c>reminders</c> block: offsets, times, the sender id and every template with only known placeholders.</summary>
public static partial class ReminderRulesValidator
{
    public const string SenderIdPattern = @"^(\+[1-9]\d{7,14}|(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11})$";

    /// <summary>A local time as HH:mm.</summary>
    public static readonly TextBound TimeBound = new(5);

    /// <summary>An E.164 number or an alphanumeric sender id.</summary>
    public static readonly TextBound SenderIdBound = new(16, SenderIdPattern);

    public static readonly TextBound TemplateBound = new(ReminderTemplate.MaxLength);

    public static void Validate(ReminderRules reminders, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        ArgumentNullException.ThrowIfNull(errors);
        Offsets(reminders.OffsetsDays, errors);
        var sendTime = Time(reminders.SendTime, "sendTime", errors);
        if (reminders.QuietHours is null)
        {
            errors.Add("quietHours", "required", "quietHours is required (omit it for 21:00-09:00).");
        }
        else
        {
            Time(reminders.QuietHours.Start, "quietHours.start", errors);
            Time(reminders.QuietHours.End, "quietHours.end", errors);
            if (sendTime is { } at && reminders.QuietHours.Contains(at))
            {
                errors.Add("sendTime", "outside-quiet-hours", $"sendTime {reminders.SendTime} falls in the quiet hours {reminders.QuietHours.Start}-{reminders.QuietHours.End}.");
            }
        }

        if (reminders.SenderId is { } sender && !SenderId().IsMatch(sender))
        {
            errors.Add("senderId", "sender-id", "senderId must be an E.164 number (+8610690000) or an alphanumeric sender id of 1-11 letters, digits and spaces with at least one letter.");
        }

        Templates(reminders.Templates, errors);
    }

    private static void Offsets(IReadOnlyList<int>? offsets, FieldErrors errors)
    {
        if (offsets is null || !ProgramBounds.ReminderOffsets.Contains(offsets.Count))
        {
            errors.AddRange([ProgramBounds.ReminderOffsets.CountViolation(errors.PathOf("offsetsDays"))]);
            return;
        }

        for (var i = 0; i < offsets.Count; i++)
        {
            errors.Range($"offsetsDays[{i}]", ProgramBounds.ReminderOffsetDays, offsets[i], "each offset");
        }

        errors.Unique("offsetsDays", offsets, o => o, "offsetsDays must not repeat a day.");
    }

    private static TimeOnly? Time(string? value, string field, FieldErrors errors)
    {
        var time = ReminderRules.ParseTime(value);
        if (time is null)
        {
            errors.Add(field, "time", $"{field} must be a local time as HH:mm (00:00-23:59).");
        }

        return time;
    }

    private static void Templates(IReadOnlyDictionary<string, string>? templates, FieldErrors errors)
    {
        if (templates is null || !templates.ContainsKey(MemberLanguage.Default))
        {
            errors.Add("templates", "required", $"templates must hold a {MemberLanguage.Default} template (the default language).");
        }

        foreach (var (language, template) in templates ?? new Dictionary<string, string>())
        {
            var field = $"templates.{language}";
            if (!MemberLanguage.Supported.Contains(language))
            {
                errors.Add(field, "language", $"'{language}' is not a member language: {string.Join(", ", MemberLanguage.Supported)}.");
            }
            else if (string.IsNullOrWhiteSpace(template) || template.Length > ReminderTemplate.MaxLength)
            {
                errors.Add(field, "length", $"A template must be 1-{ReminderTemplate.MaxLength} characters.");
            }
            else if (ReminderTemplate.UnknownPlaceholders(template) is { Count: > 0 } unknown)
            {
                errors.Add(field, "placeholder", $"Unknown placeholder {string.Join(", ", unknown)}; a template may use {string.Join(", ", ReminderTemplate.Placeholders)}.");
            }
            else if (!template.Contains(ReminderTemplate.Points, StringComparison.Ordinal) || !template.Contains(ReminderTemplate.Date, StringComparison.Ordinal))
            {
                errors.Add(field, "placeholder-required", $"A template must say how many points and when: it needs {ReminderTemplate.Points} and {ReminderTemplate.Date}.");
            }
        }
    }

    [GeneratedRegex(SenderIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex SenderId();
}
