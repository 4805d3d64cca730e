namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>
/// One atomic change to a tenant's bindings: all rows live in the tenant's partition, so the store writes them in one
/// entity-group transaction and either all land or none do. Rows with an ETag are written only if unchanged; new rows
/// only if absent, so of two requests claiming one openid exactly one commits.
/// </summary>
public sealed record WeChatBindingChange(string TenantId)
{
    /// <summary>The openid's row, which must not exist yet.</summary>
    public WeChatBinding? AddOpenId { get; init; }

    /// <summary>The member's row for the channel: added when its ETag is null, else replaced if still at that ETag.</summary>
    public WeChatBinding? PutMember { get; init; }

    public WeChatBinding? DeleteOpenId { get; init; }

    public WeChatBinding? DeleteMember { get; init; }

    /// <summary>A scene marked used, replaced if still at its ETag.</summary>
    public WeChatScene? UseScene { get; init; }
}
