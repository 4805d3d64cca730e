using Loyalty.Core.Ledger;

namespace Loyalty.Core.Events;

/// <summary>The event type names consumers filter on (the Service Bus message subject). They are a public contract: never rename one.</summary>
public static class LoyaltyEventTypes
{
    public const string PointsEarned = "points.earned";
    public const string PointsSpent = "points.spent";
    public const string PointsExpired = "points.expired";
    public const string PointsRefunded = "points.refunded";
    public const string PointsRestored = "points.restored";
    public const string PointsAdjusted = "points.adjusted";
    public const string PointsHeld = "points.held";
    public const string PointsReleased = "points.released";
    public const string PointsTransferredOut = "points.transferred-out";
    public const string PointsTransferredIn = "points.transferred-in";
    public const string PointsDonated = "points.donated";
    public const string PointsLottery = "points.lottery";
    public const string AccountFrozen = "account.frozen";
    public const string AccountUnfrozen = "account.unfrozen";
    public const string TierChanged = "tier.changed";
    public const string PointsVoided = "points.voided";
    public const string OrderCompleted = "order.completed";
    public const string ProfileChanged = "member.profile-changed";
    public const string PointsMergedOut = "points.merged-out";
    public const string PointsMergedIn = "points.merged-in";
    public const string PointsForfeited = "points.forfeited";

    public static string For(LedgerEntryType type) => type switch
    {
        LedgerEntryType.Earn => PointsEarned,
        LedgerEntryType.Spend => PointsSpent,
        LedgerEntryType.Expire => PointsExpired,
        LedgerEntryType.Refund => PointsRefunded,
        LedgerEntryType.Restore => PointsRestored,
        LedgerEntryType.Adjust => PointsAdjusted,
        LedgerEntryType.Hold => PointsHeld,
        LedgerEntryType.Release => PointsReleased,
        LedgerEntryType.TransferOut => PointsTransferredOut,
        LedgerEntryType.TransferIn => PointsTransferredIn,
        LedgerEntryType.Donation => PointsDonated,
        LedgerEntryType.Lottery => PointsLottery,
        LedgerEntryType.Freeze => AccountFrozen,
        LedgerEntryType.Unfreeze => AccountUnfrozen,
        LedgerEntryType.Tier => TierChanged,
        LedgerEntryType.Void => PointsVoided,
        LedgerEntryType.Complete => OrderCompleted,
        LedgerEntryType.Profile => ProfileChanged,
        LedgerEntryType.MergeOut => PointsMergedOut,
        LedgerEntryType.MergeIn => PointsMergedIn,
        LedgerEntryType.Forfeit => PointsForfeited,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "A ledger entry type without an event name: add one here."),
    };
}
