using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Redemptions;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>Notifications waiting for a sender, one partition per member; the notification id is the row key, so recording twice keeps one.</summary>
public sealed class TableNotificationOutbox(LoyaltyTables tables) : INotificationOutbox
{
    public const string TableName = "outbox";

    public async Task AddAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var table = await tables.GetAsync(TableName);
        try
        {
            await table.AddEntityAsync(
                new TableEntity(Partition(notification.TenantId, notification.MemberId), notification.NotificationId)
                {
                    ["Template"] = notification.Template,
                    ["Notification"] = StorageJson.Serialize(notification),
                },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already recorded by an earlier run of the same step.
        }
    }

    public async Task<IReadOnlyList<Notification>> ListAsync(string tenantId, string memberId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);
        var list = new List<Notification>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(tenantId, memberId)}"), cancellationToken: cancellationToken))
        {
            list.Add(StorageJson.Deserialize<Notification>(row.GetString("Notification")));
        }

        return list;
    }

    private static string Partition(string tenantId, string memberId) => $"{tenantId}:{memberId}";
}
