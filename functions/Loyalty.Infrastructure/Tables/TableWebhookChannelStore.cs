using Azure.Data.Tables;
using Loyalty.Core.Webhooks;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>Webhook channels by tenant. The token must be readable to verify signatures; storage encryption at rest protects it.</summary>
public sealed class TableWebhookChannelStore(LoyaltyTables tables) : IWebhookChannelStore
{
    public async Task<WebhookChannel?> GetAsync(string tenantId, string channel, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.WebhookChannels);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, channel, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? new WebhookChannel(tenantId, channel, e.GetString("Token"), Enum.Parse<SignatureScheme>(e.GetString("Scheme")), e.GetInt64("MaxGrantPoints") ?? 0, e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch)
            : null;
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
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }
}
