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

    /// <summary>When the current tier is re-evaluated (and may be lowered); null while on the base tier.</summary>
    public DateTimeOffset? TierReviewAt { get; init; }

    public DateOnly? Birthday { get; init; }

    public DateTimeOffset? LastActivityAt { get; init; }

    public bool Frozen { get; init; }

    /// <summary>Small per-member state used by earning rules (streaks, daily counters); kept on the account row so it changes atomically with the ledger.</summary>
    public IReadOnlyDictionary<string, string> State { get; init; } = new Dictionary<string, string>();

    public string? StateValue(string key) => State.GetValueOrDefault(key);

    public long StateNumber(string key) =>
        long.TryParse(State.GetValueOrDefault(key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>A copy with <paramref name="key"/> set, and every key matching <paramref name="prune"/> removed (old daily counters).</summary>
    public MemberAccount WithState(string key, string value, Func<string, bool>? prune = null)
    {
        var state = State.Where(p => prune is null || !prune(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        state[key] = value;
        return this with { State = state };
    }
}
