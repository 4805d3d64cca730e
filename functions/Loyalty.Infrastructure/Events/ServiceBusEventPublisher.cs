using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Loyalty.Core.Common;
using Loyalty.Core.Events;
using Microsoft.Extensions.Logging;

namespace Loyalty.Infrastructure.Events;

/// <summary>
/// Sends loyalty events to the Service Bus topic. <c>MessageId</c> is the event id (the ledger entry id): the topic has
/// duplicate detection, so when the accrual message is retried after the ledger committed but before (or while) this
/// sent, the second send of the same entries is dropped by the broker instead of reaching subscribers twice.
/// </summary>
public sealed class ServiceBusEventPublisher(ServiceBusSender sender, ILogger<ServiceBusEventPublisher> logger) : ILoyaltyEventPublisher
{
    public const string TenantIdProperty = "tenantId";
    public const string TypeProperty = "type";

    public async Task PublishAsync(IReadOnlyList<LoyaltyEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var pending = new Queue<ServiceBusMessage>(events.Select(ToMessage));
        while (pending.Count > 0)
        {
            using var batch = await sender.CreateMessageBatchAsync(cancellationToken);
            while (pending.Count > 0 && batch.TryAddMessage(pending.Peek()))
            {
                pending.Dequeue();
            }

            if (batch.Count == 0)
            {
                throw new InvalidOperationException($"Event {pending.Peek().MessageId} does not fit in an empty Service Bus batch (max {batch.MaxSizeInBytes} bytes).");
            }

            await sender.SendMessagesAsync(batch, cancellationToken);
            logger.LogDebug("Published {Count} loyalty events to {Topic}", batch.Count, sender.EntityPath);
        }
    }

    public static ServiceBusMessage ToMessage(LoyaltyEvent loyaltyEvent)
    {
        ArgumentNullException.ThrowIfNull(loyaltyEvent);
        var message = new ServiceBusMessage(JsonSerializer.SerializeToUtf8Bytes(loyaltyEvent, LoyaltyJson.Options))
        {
            MessageId = loyaltyEvent.EventId,
            Subject = loyaltyEvent.Type,
            ContentType = "application/json",
        };
        message.ApplicationProperties[TenantIdProperty] = loyaltyEvent.TenantId;
        message.ApplicationProperties[TypeProperty] = loyaltyEvent.Type;
        return message;
    }
}
