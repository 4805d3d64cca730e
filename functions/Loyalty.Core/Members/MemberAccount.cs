namespace Loyalty.Core.Members;

/// <summary>The account summary row of a member's partition: profile, debt and lifetime counters.</summary>
public sealed record MemberAccount
{
    public required MemberKey Key { get; init; }

    public string? Name { get; init; }

    /// <summary>A keyed hash of the normalized phone number; the number itself is never stored in clear in this row.</summary>
    public string? PhoneHash { get; init; }

    /// <summary>The phone number for notifications (E.164). Never logged.</summary>
    public string? Phone { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Points owed after a refund clawed back points that had already been spent; repaid from later earnings.</summary>
    public long Debt { get; init; }

    public long LifetimeEarned { get; init; }

    public long LifetimeSpent { get; init; }

    public long LifetimeExpired { get; init; }

    public string Tier { get; init; } = "normal";

    public DateTimeOffset? LastActivityAt { get; init; }

    public bool Frozen { get; init; }

    /// <summary>Small per-member state used by earning rules (streaks, daily counters); kept on the account row so it changes atomically with the ledger.</summary>
    public IReadOnlyDictionary<string, string> State { get; init; } = new Dictionary<string, string>();
}
