using Azure.Data.Tables;
using Loyalty.Core.Webhooks;
using Loyalty.Core.Webhooks.WeChat;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>Webhook channels by tenant. The token and EncodingAESKey must be readable to verify and decrypt; storage encryption at rest protects them.</summary>
public sealed class TableWebhookChannelStore(LoyaltyTables tables) : IWebhookChannelStore
{
    public async Task<WebhookChannel?> GetAsync(string tenantId, string channel, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.WebhookChannels);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, channel, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } e)
        {
            return null;
        }

        return new WebhookChannel(tenantId, channel, e.GetString("Token"), Enum.Parse<SignatureScheme>(e.GetString("Scheme")), e.GetInt64("MaxGrantPoints") ?? 0, e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch)
        {
            WeChat = e.GetString("AppId") is { } appId ? new WeChatAccount(appId, e.GetString("EncodingAesKey"), Enum.Parse<WeChatMode>(e.GetString("Mode"))) : null,
        };
    }

    public async Task SaveAsync(WebhookChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var table = await tables.GetAsync(LoyaltyTables.WebhookChannels);
        await table.UpsertEntityAsync(
            new TableEntity(channel.TenantId, channel.Channel)
            {
                ["Token"] = channel.Token,
                ["Scheme"] = channel.Scheme.ToString(),
                ["MaxGrantPoints"] = channel.MaxGrantPoints,
                ["UpdatedAt"] = channel.UpdatedAt,
                ["AppId"] = channel.WeChat?.AppId,
                ["EncodingAesKey"] = channel.WeChat?.EncodingAesKey,
                ["Mode"] = channel.WeChat?.Mode.ToString(),
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }
}
