using Loyalty.Core.Ledger;

namespace Loyalty.Core.Events;

/// <summary>
/// The event type names consumers filter on (the Service Bus message subject). They are a public contract: never rename
/// one or change what it means. Every ledger entry type maps to exactly one name (<see cref="For(LedgerEntryType)"/>);
/// a referral reward is an <c>Earn</c> entry of the referral program and is told apart as <c>referral.rewarded</c>.
/// </summary>
public static class LoyaltyEventTypes
{
    public const string MemberRegistered = "member.registered";
    public const string PointsEarned = "points.earned";
    public const string PointsPending = "points.pending";
    public const string PointsSpent = "points.spent";
    public const string PointsExpired = "points.expired";

    /// <summary>Points an order earned, taken back by its refund (a negative delta; the name published since the first release).</summary>
    public const string PointsRefunded = "points.refunded";

    /// <summary>Pending points of an order cancelled before it completed, taken back.</summary>
    public const string PointsClawedBack = "points.clawed_back";

    /// <summary>Points the member paid with, given back by a refund or cancellation.</summary>
    public const string PointsRestored = "points.restored";
    public const string PointsAdjusted = "points.adjusted";
    public const string PointsHeld = "points.held";
    public const string PointsReleased = "points.released";

    /// <summary>Both sides of a family transfer: a negative delta for the sender, positive for the receiver; <c>details.counterparty</c> names the other.</summary>
    public const string PointsTransferred = "points.transferred";
    public const string PointsDonated = "points.donated";
    public const string LotteryDrawn = "lottery.drawn";
    public const string MemberFrozen = "member.frozen";
    public const string MemberUnfrozen = "member.unfrozen";
    public const string TierChanged = "tier.changed";
    public const string ProfileChanged = "member.profile_changed";
    public const string MemberMergedOut = "member.merged_out";
    public const string MemberMergedIn = "member.merged_in";
    public const string PointsForfeited = "points.forfeited";
    public const string ReferralRewarded = "referral.rewarded";

    /// <summary>The member's points will expire soon: sent with the pre-expiry reminder, whether or not an SMS could go out.</summary>
    public const string PointsExpiring = "points.expiring";

    /// <summary>Redemption state changes: <c>redemption.{status}</c>, e.g. <c>redemption.fulfilled</c>.</summary>
    public const string RedemptionPrefix = "redemption.";

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
        LedgerEntryType.TransferOut => PointsTransferred,
        LedgerEntryType.TransferIn => PointsTransferred,
        LedgerEntryType.Donation => PointsDonated,
        LedgerEntryType.Lottery => LotteryDrawn,
        LedgerEntryType.Freeze => MemberFrozen,
        LedgerEntryType.Unfreeze => MemberUnfrozen,
        LedgerEntryType.Tier => TierChanged,
        LedgerEntryType.Void => PointsClawedBack,
        LedgerEntryType.Complete => PointsPending,
        LedgerEntryType.Profile => ProfileChanged,
        LedgerEntryType.MergeOut => MemberMergedOut,
        LedgerEntryType.MergeIn => MemberMergedIn,
        LedgerEntryType.Forfeit => PointsForfeited,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "A ledger entry type without an event name: add one here."),
    };

    /// <summary>The name of one entry: its type's name, except that a referral reward reads <c>referral.rewarded</c>.</summary>
    public static string For(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Type == LedgerEntryType.Earn && entry.Details.ContainsKey("referee") && entry.Details.ContainsKey("side")
            ? ReferralRewarded
            : For(entry.Type);
    }

    /// <summary>Every name a ledger entry can produce, plus the ones from outside the ledger (the redemption statuses are <see cref="RedemptionPrefix"/> + status).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        MemberRegistered, PointsEarned, PointsPending, PointsSpent, PointsExpired, PointsRefunded, PointsClawedBack, PointsRestored,
        PointsAdjusted, PointsHeld, PointsReleased, PointsTransferred, PointsDonated, LotteryDrawn, MemberFrozen, MemberUnfrozen,
        TierChanged, ProfileChanged, MemberMergedOut, MemberMergedIn, PointsForfeited, ReferralRewarded, PointsExpiring,
    ];
}
