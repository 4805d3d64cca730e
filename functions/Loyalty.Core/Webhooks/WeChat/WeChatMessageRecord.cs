namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>
/// A push as received and what came of it, kept so admins can see what WeChat sent — above all the events of openids
/// not bound to any member, which are recorded and never credited. Text message content is not kept: members type
/// phone numbers and other personal data into chats.
/// </summary>
public sealed record WeChatMessageRecord(string TenantId, string Channel, string MessageId, string OpenId, string MsgType, DateTimeOffset CreatedAt, DateTimeOffset ReceivedAt, WeChatMessageStatus Status)
{
    public string? Event { get; init; }

    public string? EventKey { get; init; }

    public string? MemberId { get; init; }

    /// <summary>True when this push bound the openid to the member (a member QR code was scanned).</summary>
    public bool Bound { get; init; }

    /// <summary>Why nothing was credited, when nothing was (e.g. <c>already-checked-in</c>, <c>scene-used</c>).</summary>
    public string? Code { get; init; }

    public IReadOnlyList<WeChatActionOutcome> Actions { get; init; } = [];
}

public enum WeChatMessageStatus
{
    /// <summary>At least one action earned points (or recorded the check-in).</summary>
    Credited,

    /// <summary>The openid is bound to no member: recorded, not credited.</summary>
    Unbound,

    /// <summary>A rule applied but its use case refused (daily limit, task done, grant already made...).</summary>
    Refused,

    /// <summary>The push bound the openid and no rule applied.</summary>
    Bound,

    /// <summary>No rule applies to this message (unsubscribe, VIEW, a text message, an unmapped key).</summary>
    Ignored,
}
