namespace Loyalty.Core.Members;

/// <summary>The languages members are written to in (SMS, terms): Simplified Chinese unless the member chose English.</summary>
public static class MemberLanguage
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public const string Default = Chinese;

    public static readonly Common.TextBound Bound = new(16);

    public static IReadOnlyList<string> Supported { get; } = [Chinese, English];

    /// <summary>The canonical spelling of a supported language (any letter case), or null for anything else.</summary>
    public static string? Normalize(string? language) =>
        Supported.FirstOrDefault(l => string.Equals(l, language?.Trim(), StringComparison.OrdinalIgnoreCase));
}
