namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>An openid bound to a member: one member per openid in a tenant, one openid per member and channel.</summary>
public sealed record WeChatBinding(string TenantId, string Channel, string OpenId, string MemberId, DateTimeOffset BoundAt, WeChatBindingSource Source)
{
    /// <summary>The stored row's version, for the next guarded change; null for a binding not yet stored.</summary>
    public string? ETag { get; init; }
}

public enum WeChatBindingSource
{
    /// <summary><c>PUT /members/{id}/wechat</c>, e.g. from the merchant's page after WeChat OAuth gave it the openid.</summary>
    Api,

    /// <summary>The member scanned the member-specific QR code issued by <c>POST /members/{id}/wechat/scenes</c>.</summary>
    Scene,
}
