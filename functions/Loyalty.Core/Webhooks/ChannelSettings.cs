using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Core.Webhooks;

/// <summary>What an admin sets on a channel (<c>PUT /webhooks/{channel}</c>). <see cref="Scheme"/> defaults to HMAC-SHA256, the recommended one for JSON events.</summary>
public sealed record ChannelSettings(string? Token, SignatureScheme? Scheme = null, long? MaxGrantPoints = null)
{
    public string? AppId { get; init; }

    public string? EncodingAesKey { get; init; }

    public WeChatMode? Mode { get; init; }
}
