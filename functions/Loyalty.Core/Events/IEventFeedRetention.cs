namespace Loyalty.Core.Events;

/// <summary>Keeps the pull feed to its retention: what was appended before a time is removed, tenant by tenant.</summary>
public interface IEventFeedRetention
{
    /// <summary>Removes every event appended before <paramref name="appendedBefore"/>, in all tenants; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset appendedBefore, CancellationToken cancellationToken);
}
