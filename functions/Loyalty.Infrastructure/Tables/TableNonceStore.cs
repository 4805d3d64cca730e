using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Webhooks;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>Used (timestamp, nonce) pairs per tenant and channel; adding an existing one fails (409), which is how a replay is caught.</summary>
public sealed class TableNonceStore(LoyaltyTables tables) : INonceStore
{
    public async Task<string> RecordAsync(string tenantId, string channel, string timestamp, string nonce, string purpose, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.WebhookNonces);
        var partition = $"{tenantId}:{channel}";
        var rowKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}")));
        try
        {
            await table.AddEntityAsync(new TableEntity(partition, rowKey) { ["Purpose"] = purpose }, cancellationToken);
            return purpose;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var row = await table.GetEntityAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
            return row.Value.GetString("Purpose") ?? string.Empty;
        }
    }
}
