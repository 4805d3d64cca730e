using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Loyalty.Core.Common;
using Loyalty.Core.Events;
using Microsoft.Extensions.Logging;

namespace Loyalty.Infrastructure.Events;

/// <summary>
/// Sends loyalty events to the Service Bus topic. <c>MessageId</c> is the event id (the ledger entry id): the topic has
/// duplicate detection, so when the outbox relay sends a row again (the request's relay and the timer's raced, or a
/// send timed out after the broker took it) the second copy is dropped instead of reaching subscribers twice.
/// <c>Subject</c> is the event type; <c>SessionId</c> is <c>{tenant}:{member}</c>, so a subscription created with
/// sessions gets each member's events in order (and others simply ignore it); tenant, member, type and sequence are
/// application properties for subscription filters.
/// </summary>
public sealed class ServiceBusEventPublisher(ServiceBusSender sender, ILogger<ServiceBusEventPublisher> logger) : ILoyaltyEventPublisher
{
    public const string TenantIdProperty = "tenantId";
    public const string TypeProperty = "type";
    public const string MemberIdProperty = "memberId";
    public const string SequenceProperty = "sequence";

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
            SessionId = $"{loyaltyEvent.TenantId}:{loyaltyEvent.MemberId}",
        };
        message.ApplicationProperties[TenantIdProperty] = loyaltyEvent.TenantId;
        message.ApplicationProperties[MemberIdProperty] = loyaltyEvent.MemberId;
        message.ApplicationProperties[TypeProperty] = loyaltyEvent.Type;
        message.ApplicationProperties[SequenceProperty] = loyaltyEvent.Sequence;
        return message;
    }
}
