using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Webhooks;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>Used nonces per tenant and channel; adding an existing one fails (409), which is how a replay is caught.</summary>
public sealed class TableNonceStore(LoyaltyTables tables) : INonceStore
{
    public async Task<string> RecordAsync(string tenantId, string channel, string nonce, string eventId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.WebhookNonces);
        var partition = $"{tenantId}:{channel}";
        var rowKey = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(nonce)));
        try
        {
            await table.AddEntityAsync(new TableEntity(partition, rowKey) { ["EventId"] = eventId }, cancellationToken);
            return eventId;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var row = await table.GetEntityAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
            return row.Value.GetString("EventId");
        }
    }
}
