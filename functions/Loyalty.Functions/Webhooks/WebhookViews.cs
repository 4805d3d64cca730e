using Loyalty.Core.Webhooks;
using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Functions.Webhooks;

/// <summary>A channel as shown back to admins: never its token or EncodingAESKey.</summary>
public sealed record ChannelView(string Channel, SignatureScheme Scheme, long MaxGrantPoints, string? AppId, WeChatMode? Mode, DateTimeOffset UpdatedAt)
{
    public static ChannelView From(WebhookChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return new(channel.Channel, channel.Scheme, channel.MaxGrantPoints, channel.WeChat?.AppId, channel.WeChat?.Mode, channel.UpdatedAt);
    }
}

public sealed record WeChatMessageView(
    string MessageId,
    string OpenId,
    string MsgType,
    string? Event,
    string? EventKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset ReceivedAt,
    WeChatMessageStatus Status,
    string? MemberId,
    bool Bound,
    string? Code,
    IReadOnlyList<WeChatActionOutcome> Actions)
{
    public static WeChatMessageView From(WeChatMessageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.MessageId, record.OpenId, record.MsgType, record.Event, record.EventKey, record.CreatedAt, record.ReceivedAt, record.Status, record.MemberId, record.Bound, record.Code, record.Actions);
    }
}

public sealed record WeChatBindingView(string MemberId, string Channel, string OpenId, DateTimeOffset BoundAt, WeChatBindingSource Source)
{
    public static WeChatBindingView From(WeChatBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return new(binding.MemberId, binding.Channel, binding.OpenId, binding.BoundAt, binding.Source);
    }
}

/// <summary>What the merchant passes to WeChat's qrcode/create as <c>action_info.scene.scene_str</c>, and until when it binds.</summary>
public sealed record WeChatSceneView(string Scene, string Channel, string MemberId, DateTimeOffset ExpiresAt, long ExpireSeconds)
{
    public static WeChatSceneView From(WeChatScene scene, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return new(scene.Scene, scene.Channel, scene.MemberId, scene.ExpiresAt, Math.Max(0, (long)Math.Floor((scene.ExpiresAt - now).TotalSeconds)));
    }
}
