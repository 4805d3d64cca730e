using Loyalty.Core.Webhooks;
using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Core.Tests.Webhooks;

public sealed class WebhookChannelValidatorTests
{
    private const string AesKey = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";

    private static IReadOnlyList<string> Fields(ChannelSettings settings, string channel = "wechat-oa") =>
        [.. WebhookChannelValidator.Validate(channel, settings).Select(e => $"{e.Field}:{e.Rule}")];

    [Theory]
    [InlineData("abc")]
    [InlineData("test")]
    [InlineData("weixin")]
    [InlineData("ABCdef0123456789ABCdef0123456789")]
    public void Official_accounts_take_the_tokens_wechat_allows(string token)
    {
        Assert.Empty(Fields(new ChannelSettings(token, SignatureScheme.WeChatOfficialAccount) { AppId = "wx49f0ab532d5d035a", EncodingAesKey = AesKey, Mode = WeChatMode.Safe }));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("ABCdef0123456789ABCdef0123456789X")]
    [InlineData("has space")]
    [InlineData("tok-en")]
    public void Official_account_tokens_outside_3_to_32_letters_and_digits_are_refused(string token)
    {
        Assert.Equal(["token:wechat-token"], Fields(new ChannelSettings(token, SignatureScheme.WeChatOfficialAccount) { AppId = "wx49f0ab532d5d035a" }));
    }

    [Fact]
    public void Safe_and_compatible_mode_need_the_43_character_key_and_every_account_its_appid()
    {
        Assert.Equal(["appId:pattern", "encodingAesKey:pattern"], Fields(new ChannelSettings("token", SignatureScheme.WeChatOfficialAccount) { Mode = WeChatMode.Safe }));
        Assert.Equal(["encodingAesKey:pattern"], Fields(new ChannelSettings("token", SignatureScheme.WeChatOfficialAccount) { AppId = "wx49f0ab532d5d035a", EncodingAesKey = AesKey[..42], Mode = WeChatMode.Compatible }));
        Assert.Empty(Fields(new ChannelSettings("token", SignatureScheme.WeChatOfficialAccount) { AppId = "wx49f0ab532d5d035a" }));
    }

    [Fact]
    public void Json_channels_keep_long_secrets_and_no_wechat_fields()
    {
        Assert.Equal(["token:length"], Fields(new ChannelSettings("short", SignatureScheme.HmacSha256)));
        Assert.Equal(["appId:wechat-only", "mode:wechat-only"], Fields(new ChannelSettings(new string('t', 20)) { AppId = "wx49f0ab532d5d035a", Mode = WeChatMode.Plain }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(WebhookChannelValidator.MaxGrantPoints + 1)]
    public void Max_grant_points_has_bounds(long points)
    {
        Assert.Equal(["maxGrantPoints:range"], Fields(new ChannelSettings(new string('t', 20), SignatureScheme.HmacSha256, points)));
    }
}
