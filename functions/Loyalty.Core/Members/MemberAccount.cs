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

    /// <summary>The language the member is written to in (<see cref="MemberLanguage"/>).</summary>
    public string Language { get; init; } = MemberLanguage.Default;

    /// <summary>False once the member opted out of SMS (reminders, notices); opt-outs are always honoured.</summary>
    public bool SmsAllowed { get; init; } = true;

    /// <summary>The member's home store, as the merchant names it.</summary>
    public string? StoreId { get; init; }

    public MemberStatus Status { get; init; } = MemberStatus.Active;

    /// <summary>The member this account was merged into (the pointer a merged account keeps).</summary>
    public string? MergedInto { get; init; }

    /// <summary>When the account was merged away or erased.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    public bool IsOpen => Status == MemberStatus.Active;

    /// <summary>The sequence number of the member's last event (see <see cref="Events.LoyaltyEvent.Sequence"/>); advanced in the batch that writes the events.</summary>
    public long EventSequence { get; init; }

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
