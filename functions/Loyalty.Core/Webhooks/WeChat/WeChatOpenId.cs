using System.Text.RegularExpressions;

namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>An openid identifies one WeChat user to one official account: 28 URL-safe characters in practice.</summary>
public static partial class WeChatOpenId
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9_-]{6,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
