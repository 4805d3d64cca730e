using System.Collections.Concurrent;
using Loyalty.Core.Events;

namespace Loyalty.Testing.Events;

/// <summary>
/// A feed that keeps what it was given, idempotent per event id like the real one, and counts every append (so a test
/// can tell "relayed twice, kept once" apart). <see cref="Failures"/> makes the next appends throw, as an outage would.
/// </summary>
public sealed class RecordingEventFeed : IEventFeed
{
    private readonly ConcurrentDictionary<string, LoyaltyEvent> _events = new();
    private int _appends;

    public int Failures { get; set; }

    /// <summary>Events handed to <see cref="AppendAsync"/>, duplicates included.</summary>
    public int Appended => Volatile.Read(ref _appends);

    public IReadOnlyList<LoyaltyEvent> Events => [.. _events.Values.OrderBy(e => e.TenantId, StringComparer.Ordinal).ThenBy(e => e.MemberId, StringComparer.Ordinal).ThenBy(e => e.Sequence)];

    public Task AppendAsync(IReadOnlyList<LoyaltyEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_events)
        {
            if (Failures > 0)
            {
                Failures--;
                throw new IOException("The feed's table did not answer.");
            }
        }

        Interlocked.Add(ref _appends, events.Count);
        foreach (var e in events)
        {
            _events.TryAdd(e.EventId, e);
        }

        return Task.CompletedTask;
    }

    public Task<EventFeedPage> ReadAsync(string tenantId, string? after, int pageSize, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Tests read Events directly.");
}
