namespace Loyalty.Infrastructure.Tables;

/// <summary>Section <c>EventFeed</c>: how long the pull feed keeps events and how far behind the present it reads.</summary>
public sealed class EventFeedOptions
{
    public const string Section = "EventFeed";

    public const int MaxRetentionDays = 3650;

    public static readonly TimeSpan MaxReadLag = TimeSpan.FromMinutes(5);

    /// <summary>Events appended more than this many days ago are removed by the daily <c>PruneEventFeed</c> timer.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>
    /// A read returns only events appended at least this long ago. An append takes its position (the time) before it
    /// commits, so a slower append can commit behind a faster one that a poller already read past; holding reads back
    /// by more than an append takes (plus the clock skew between instances) keeps every event ahead of every cursor.
    /// </summary>
    public TimeSpan ReadLag { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsValid => RetentionDays is >= 1 and <= MaxRetentionDays && ReadLag >= TimeSpan.Zero && ReadLag <= MaxReadLag;
}
