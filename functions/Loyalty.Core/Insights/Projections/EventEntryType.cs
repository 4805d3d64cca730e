using Loyalty.Core.Events;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Insights.Projections;

/// <summary>The ledger entry type an event reports (the inverse of <see cref="LoyaltyEventTypes.For(LedgerEntry)"/>); null for events outside the ledger.</summary>
public static class EventEntryType
{
    private static readonly Dictionary<string, LedgerEntryType> ByName = Enum.GetValues<LedgerEntryType>()
        .Where(t => t is not (LedgerEntryType.TransferOut or LedgerEntryType.TransferIn))
        .ToDictionary(LoyaltyEventTypes.For, StringComparer.Ordinal);

    public static LedgerEntryType? Of(LoyaltyEvent loyaltyEvent)
    {
        ArgumentNullException.ThrowIfNull(loyaltyEvent);
        if (loyaltyEvent.EntryId is null)
        {
            return null;
        }

        return loyaltyEvent.Type switch
        {
            LoyaltyEventTypes.ReferralRewarded => LedgerEntryType.Earn,
            LoyaltyEventTypes.PointsTransferred => loyaltyEvent.Delta < 0 ? LedgerEntryType.TransferOut : LedgerEntryType.TransferIn,
            _ => ByName.TryGetValue(loyaltyEvent.Type, out var type) ? type : null,
        };
    }
}
