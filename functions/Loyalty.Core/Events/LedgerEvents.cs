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
            PreviousTier = entry.Type == LedgerEntryType.Tier ? entry.Details.GetValueOrDefault("from") : null,
            Tier = entry.Type == LedgerEntryType.Tier ? entry.Details.GetValueOrDefault("to") : null,
        };
    }
}
