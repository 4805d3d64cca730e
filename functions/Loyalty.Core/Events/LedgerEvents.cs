using Loyalty.Core.Ledger;
using Loyalty.Core.Members;

namespace Loyalty.Core.Events;

/// <summary>Turns committed ledger entries into outbound events: one event per entry, in ledger order, id = entry id.</summary>
public static class LedgerEvents
{
    /// <summary>The events of an operation's outcome. A replayed outcome maps to the same events, which is what makes re-publishing after a retry safe.</summary>
    public static IReadOnlyList<LoyaltyEvent> From(MemberKey member, LedgerOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var entries = outcome.Entries.Count > 0 ? outcome.Entries : outcome.Entry is { } single ? [single] : [];
        return From(member, entries);
    }

    public static IReadOnlyList<LoyaltyEvent> From(MemberKey member, IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(entries);
        return [.. entries.OrderBy(e => e.At).ThenBy(e => e.Sequence).Select(e => From(member, e))];
    }

    public static LoyaltyEvent From(MemberKey member, LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(entry);
        return new LoyaltyEvent
        {
            EventId = entry.EntryId,
            Type = LoyaltyEventTypes.For(entry.Type),
            TenantId = member.TenantId,
            MemberId = member.MemberId,
            EntryId = entry.EntryId,
            Delta = entry.Delta,
            BalanceAfter = entry.BalanceAfter,
            OccurredAt = entry.At,
            Reference = entry.Reference,
        };
    }

    /// <summary>A tier change caused by <paramref name="cause"/>; its id derives from the entry's so a retry produces the same id.</summary>
    public static LoyaltyEvent TierChanged(MemberKey member, LedgerEntry cause, string previousTier, string tier)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(cause);
        ArgumentException.ThrowIfNullOrEmpty(previousTier);
        ArgumentException.ThrowIfNullOrEmpty(tier);
        return new LoyaltyEvent
        {
            EventId = $"{cause.EntryId}:tier",
            Type = LoyaltyEventTypes.TierChanged,
            TenantId = member.TenantId,
            MemberId = member.MemberId,
            EntryId = cause.EntryId,
            BalanceAfter = cause.BalanceAfter,
            OccurredAt = cause.At,
            Reference = cause.Reference,
            PreviousTier = previousTier,
            Tier = tier,
        };
    }
}
