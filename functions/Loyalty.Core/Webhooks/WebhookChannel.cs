using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Core.Webhooks;

/// <summary>A tenant's webhook sender (its WeChat official account, or another platform): the shared token and how requests are signed.</summary>
public sealed record WebhookChannel(string TenantId, string Channel, string Token, SignatureScheme Scheme, long MaxGrantPoints, DateTimeOffset UpdatedAt)
{
    /// <summary>The official account behind a <see cref="SignatureScheme.WeChatOfficialAccount"/> channel.</summary>
    public WeChatAccount? WeChat { get; init; }
}
