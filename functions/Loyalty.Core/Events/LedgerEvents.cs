using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;

namespace Loyalty.Core.Events;

/// <summary>
/// Turns ledger entries into outbound events: one event per entry, in ledger order, id = entry id. The events of a
/// batch are written in the batch itself (the outbox), numbered on from the account's <see cref="MemberAccount.EventSequence"/>.
/// </summary>
public static class LedgerEvents
{
    /// <summary>The events of an operation's outcome. A replayed outcome maps to the same events, which is what makes re-publishing after a retry safe.</summary>
    public static IReadOnlyList<LoyaltyEvent> From(MemberKey member, LedgerOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var entries = outcome.Entries.Count > 0 ? outcome.Entries : outcome.Entry is { } single ? [single] : [];
        return From(member, entries);
    }

    public static IReadOnlyList<LoyaltyEvent> From(MemberKey member, IEnumerable<LedgerEntry> entries) => ForBatch(member, entries, 0);

    /// <summary>The events of one batch, numbered <paramref name="lastSequence"/> + 1 onwards in ledger order.</summary>
    public static IReadOnlyList<LoyaltyEvent> ForBatch(MemberKey member, IEnumerable<LedgerEntry> entries, long lastSequence)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(entries);
        return [.. InLedgerOrder(entries).Select((e, i) => From(member, e) with { Sequence = lastSequence + i + 1 })];
    }

    /// <summary>
    /// A new account's events: <c>member.registered</c> (sequence 1, id derived from the member) and then its opening
    /// entries (a sign-up bonus). The registration carries the home store, when one is known, as <c>details.store</c>
    /// (for the reports by store).
    /// </summary>
    public static IReadOnlyList<LoyaltyEvent> ForOpening(MemberAccount account, IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(account);
        var registered = new LoyaltyEvent
        {
            EventId = RegisteredEventId(account.Key),
            Type = LoyaltyEventTypes.MemberRegistered,
            TenantId = account.Key.TenantId,
            MemberId = account.Key.MemberId,
            Sequence = 1,
            OccurredAt = account.RegisteredAt,
            Tier = account.Tier,
            Details = account.StoreId is { Length: > 0 } store ? new Dictionary<string, string> { ["store"] = store } : null,
        };
        return [registered, .. ForBatch(account.Key, entries, 1)];
    }

    /// <summary>Derived from tenant and member, so registering again (a retry) names the same event.</summary>
    public static string RegisteredEventId(MemberKey member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return DerivedId.From(LoyaltyEventTypes.MemberRegistered, member.PartitionKey);
    }

    public static LoyaltyEvent From(MemberKey member, LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(entry);
        var tier = entry.Type == LedgerEntryType.Tier;
        return new LoyaltyEvent
        {
            EventId = entry.EntryId,
            Type = LoyaltyEventTypes.For(entry),
            TenantId = member.TenantId,
            MemberId = member.MemberId,
            EntryId = entry.EntryId,
            Delta = entry.Delta,
            BalanceAfter = entry.BalanceAfter,
            OccurredAt = entry.At,
            Reference = entry.Reference,
            PreviousTier = tier ? entry.Details.GetValueOrDefault("from") : null,
            Tier = tier ? entry.Details.GetValueOrDefault("to") : null,
            Details = tier || entry.Details.Count == 0 ? null : entry.Details,
        };
    }

    private static IEnumerable<LedgerEntry> InLedgerOrder(IEnumerable<LedgerEntry> entries) => entries.OrderBy(e => e.At).ThenBy(e => e.Sequence);
}
