namespace Loyalty.Core.Events;

/// <summary>
/// Tells other systems (CRM, marketing, data warehouse) what happened to members' points. Only the outbox relay calls
/// it, after the events' batch committed: a failed publish leaves the outbox row in place and the relay timer sends it
/// again later with the same ids, which the topic's duplicate detection drops when they already went out. Consumers
/// should still treat <see cref="LoyaltyEvent.EventId"/> as their idempotency key.
/// </summary>
public interface ILoyaltyEventPublisher
{
    /// <summary>Publishes the events in order; throws when the broker cannot be reached, so the outbox row stays for the next relay.</summary>
    Task PublishAsync(IReadOnlyList<LoyaltyEvent> events, CancellationToken cancellationToken);
}
