using System.Text.RegularExpressions;
using Loyalty.Core.Common;
using Loyalty.Core.Members;
using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Core.Webhooks;

/// <summary>
/// A channel's settings. A WeChat official account takes what the WeChat console allows — a token of 3-32 letters or
/// digits, a 43-character EncodingAESKey — while JSON channels keep their longer HMAC secrets.
/// </summary>
public static partial class WebhookChannelValidator
{
    public const int MinJsonToken = 16;
    public const int MaxJsonToken = 128;
    public const long MaxGrantPoints = 10_000_000;
    public const string AppIdPattern = "^wx[A-Za-z0-9]{16}$";
    public const string AesKeyPattern = "^[A-Za-z0-9]{43}$";

    public static readonly TextBound TokenBound = new(MaxJsonToken);
    public static readonly TextBound AppIdBound = new(18, AppIdPattern);
    public static readonly TextBound AesKeyBound = new(43, AesKeyPattern);

    public static IReadOnlyList<FieldError> Validate(string channel, ChannelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<FieldError>();
        if (!MemberKey.IsValidMemberId(channel))
        {
            errors.Add(new FieldError("channel", "pattern", "channel must be 1-64 letters, digits, '_', '.' or '-'."));
        }

        if (settings.MaxGrantPoints is < 0 or > MaxGrantPoints)
        {
            errors.Add(new FieldError("maxGrantPoints", "range", $"maxGrantPoints must be between 0 (no grants) and {MaxGrantPoints}."));
        }

        if (settings.Scheme == SignatureScheme.WeChatOfficialAccount)
        {
            ValidateAccount(settings, errors);
            return errors;
        }

        if (settings.Token is null || settings.Token.Length is < MinJsonToken or > MaxJsonToken)
        {
            errors.Add(new FieldError("token", "length", $"token must be {MinJsonToken}-{MaxJsonToken} characters."));
        }

        foreach (var (field, given) in new[] { ("appId", settings.AppId is not null), ("encodingAesKey", settings.EncodingAesKey is not null), ("mode", settings.Mode is not null) })
        {
            if (given)
            {
                errors.Add(new FieldError(field, "wechat-only", $"{field} applies to the weChatOfficialAccount scheme only."));
            }
        }

        return errors;
    }

    private static void ValidateAccount(ChannelSettings settings, List<FieldError> errors)
    {
        if (settings.Token is null || !WeChatToken().IsMatch(settings.Token))
        {
            errors.Add(new FieldError("token", "wechat-token", "token must be 3-32 letters or digits, as the WeChat console allows."));
        }

        if (settings.AppId is null || !AppId().IsMatch(settings.AppId))
        {
            errors.Add(new FieldError("appId", "pattern", "appId is the account's AppID: 'wx' and 16 letters or digits."));
        }

        var mode = settings.Mode ?? WeChatMode.Plain;
        if (settings.EncodingAesKey is null ? mode != WeChatMode.Plain : !AesKey().IsMatch(settings.EncodingAesKey))
        {
            errors.Add(new FieldError("encodingAesKey", "pattern", "encodingAesKey must be the 43 letters and digits of the EncodingAESKey (required in compatible and safe mode)."));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]{3,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex WeChatToken();

    [GeneratedRegex(AppIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex AppId();

    [GeneratedRegex(AesKeyPattern, RegexOptions.CultureInvariant)]
    private static partial Regex AesKey();
}
