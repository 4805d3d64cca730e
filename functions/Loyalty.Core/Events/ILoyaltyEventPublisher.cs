namespace Loyalty.Core.Events;

/// <summary>
/// Tells other systems (CRM, marketing, data warehouse) what happened to members' points. Called after the ledger batch
/// has committed: if publishing fails, the caller's queue message is retried, the ledger's idempotency row replays the
/// same entries, and the events are published again with the same ids, which the topic's duplicate detection drops.
/// </summary>
public interface ILoyaltyEventPublisher
{
    /// <summary>Publishes the events in order, all or none per underlying batch; throws when the broker cannot be reached.</summary>
    Task PublishAsync(IReadOnlyList<LoyaltyEvent> events, CancellationToken cancellationToken);
}
