using Azure.Storage.Queues;
using Loyalty.Core.Purchases;
using Loyalty.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Loyalty.Infrastructure.Queues;

/// <summary>The accrual queue on Azure Storage; the function app's <c>[QueueTrigger]</c> reads it (base64, the host's default encoding).</summary>
public sealed class StorageAccrualQueue(QueueServiceClient service, IOptions<AccrualQueueOptions> options) : IAccrualQueue
{
    private readonly Lazy<Task<QueueClient>> _queue = new(async () =>
    {
        var client = service.GetQueueClient(options.Value.AccrualQueueName);
        await client.CreateIfNotExistsAsync();
        return client;
    });

    public async Task EnqueueAsync(AccrualMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var queue = await _queue.Value;
        await queue.SendMessageAsync(StorageJson.Serialize(message), cancellationToken);
    }
}
