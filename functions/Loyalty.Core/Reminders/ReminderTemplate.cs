using System.Globalization;
using System.Text.RegularExpressions;
using Loyalty.Core.Members;

namespace Loyalty.Core.Reminders;

/// <summary>The placeholders a reminder template may use, and the text one member receives.</summary>
public static partial class ReminderTemplate
{
    public const string Points = "{points}";
    public const string Date = "{date}";
    public const string Name = "{name}";
    public const string Program = "{program}";

    public const int MaxLength = 500;

    public static IReadOnlyList<string> Placeholders { get; } = [Points, Date, Name, Program];

    /// <summary>Every placeholder-shaped <c>{word}</c> in the template that is not one of <see cref="Placeholders"/>.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string template) =>
        [.. Braced().Matches(template).Select(m => m.Value).Where(p => !Placeholders.Contains(p)).Distinct()];

    /// <param name="lastUsableDay">The last local day the points count.</param>
    public static string Render(string template, string language, long points, DateOnly lastUsableDay, string? memberName, string programName)
    {
        ArgumentNullException.ThrowIfNull(template);
        var english = language == MemberLanguage.English;
        var date = english
            ? lastUsableDay.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)
            : lastUsableDay.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        var name = string.IsNullOrWhiteSpace(memberName) ? (english ? "member" : "会员") : memberName.Trim();
        return template
            .Replace(Points, points.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(Date, date, StringComparison.Ordinal)
            .Replace(Name, name, StringComparison.Ordinal)
            .Replace(Program, programName, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{[^{}\s]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Braced();
}
