using System.Text.RegularExpressions;

namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>The ids in WeChat pushes. An openid identifies one WeChat user to one official account: 28 URL-safe characters in practice.</summary>
public static partial class WeChatIds
{
    public static bool IsOpenId(string? value) => value is not null && OpenIdRegex().IsMatch(value);

    /// <summary>The account's own id in ToUserName (its original id, gh_...); it is echoed into replies, so it must be plain.</summary>
    public static bool IsAccountId(string? value) => value is not null && AccountPattern().IsMatch(value);

    public const string OpenIdPattern = "^[A-Za-z0-9_-]{6,64}$";

    public static readonly Common.TextBound OpenIdBound = new(64, OpenIdPattern);

    [GeneratedRegex(OpenIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex OpenIdRegex();

    [GeneratedRegex("^[A-Za-z0-9_.@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountPattern();
}
