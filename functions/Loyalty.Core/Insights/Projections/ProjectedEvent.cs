using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Events;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Insights.Projections;

/// <summary>What the projections read from one event: its entry type, local date and, for a purchase, the cash paid and store.</summary>
public sealed record ProjectedEvent(LoyaltyEvent Event, LedgerEntryType? EntryType, DateOnly Date)
{
    public static ProjectedEvent Of(LoyaltyEvent loyaltyEvent, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(loyaltyEvent);
        return new(loyaltyEvent, EventEntryType.Of(loyaltyEvent), TenantClock.LocalDate(loyaltyEvent.OccurredAt, zone));
    }

    public bool IsRegistration => Event.Type == LoyaltyEventTypes.MemberRegistered;

    /// <summary>The cash part of the order when the event is a purchase's earn entry (<c>details.cashPaid</c>, written by every purchase credit).</summary>
    public decimal? PurchaseCash =>
        EntryType == LedgerEntryType.Earn && Detail("cashPaid") is { } cash && decimal.TryParse(cash, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;

    public string? Store => Detail("store") is { Length: > 0 } store ? store : null;

    public string? Detail(string key) => Event.Details?.GetValueOrDefault(key);
}
