namespace Loyalty.Core.Events;

/// <summary>
/// The tenant-wide pull feed of loyalty events (<c>GET /api/v1/admin/events</c>), for integrators without Service Bus
/// and for local use. The relay appends every event it publishes; an event id already in the feed is skipped, so a
/// retried relay or two relays racing add each event once.
/// </summary>
public interface IEventFeed
{
    /// <summary>Appends the events (any tenants, any order); idempotent per event id.</summary>
    Task AppendAsync(IReadOnlyList<LoyaltyEvent> events, CancellationToken cancellationToken);

    /// <summary>One page of the tenant's events in feed order after <paramref name="after"/> (null: from the oldest retained).</summary>
    Task<EventFeedPage> ReadAsync(string tenantId, string? after, int pageSize, CancellationToken cancellationToken);
}

/// <summary>A page of the feed. <see cref="Cursor"/> is passed back as <c>after</c> to read on; it is returned even when the page is empty, so a poller keeps its place.</summary>
public sealed record EventFeedPage(IReadOnlyList<LoyaltyEvent> Events, string Cursor);
