namespace Loyalty.Core.Events;

/// <summary>
/// Tells other systems (CRM, marketing, data warehouse) what happened to members' points.
/// Call it after the ledger batch has committed and before the operation is recorded as done (e.g. before the purchase
/// is marked credited): if publishing fails, the exception makes the queue retry the message, the ledger's idempotency
/// row replays the same entries, and the events go out again with the same ids, which the topic's duplicate detection
/// (10-minute window) drops. Consumers should still treat <see cref="LoyaltyEvent.EventId"/> as their idempotency key.
/// </summary>
public interface ILoyaltyEventPublisher
{
    /// <summary>Publishes the events in order; throws when the broker cannot be reached, so the caller's message is retried.</summary>
    Task PublishAsync(IReadOnlyList<LoyaltyEvent> events, CancellationToken cancellationToken);
}
