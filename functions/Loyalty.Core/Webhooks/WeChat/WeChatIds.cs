using System.Text.RegularExpressions;

namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>The ids in WeChat pushes. An openid identifies one WeChat user to one official account: 28 URL-safe characters in practice.</summary>
public static partial class WeChatIds
{
    public static bool IsOpenId(string? value) => value is not null && OpenIdPattern().IsMatch(value);

    /// <summary>The account's own id in ToUserName (its original id, gh_...); it is echoed into replies, so it must be plain.</summary>
    public static bool IsAccountId(string? value) => value is not null && AccountPattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9_-]{6,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex OpenIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_.@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountPattern();
}
