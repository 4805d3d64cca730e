namespace Loyalty.Core.Events;

/// <summary>Publishes what the relay right after a commit did not (a crash, a broker or feed outage): the <c>RelayOutbox</c> timer's use case.</summary>
public interface IOutboxRelay
{
    /// <summary>Relays the outbox rows of every partition whose intent is older than the grace period; returns the events relayed.</summary>
    Task<int> RelayLeftoversAsync(CancellationToken cancellationToken);
}
