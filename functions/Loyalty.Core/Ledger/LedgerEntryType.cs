namespace Loyalty.Core.Ledger;

public enum LedgerEntryType
{
    Earn,
    Spend,
    Expire,
    Refund,
    Restore,
    Adjust,
    Hold,
    Release,
    TransferOut,
    TransferIn,
    Donation,
    Lottery,
    Freeze,
    Unfreeze,
    Tier,
    Void,
    Complete,

    /// <summary>A profile change (name, phone, birthday, language, store, SMS preference): names the fields, never their values.</summary>
    Profile,

    /// <summary>The account was merged into another: everything it held left with this entry.</summary>
    MergeOut,

    /// <summary>Another account of the same person was merged into this one.</summary>
    MergeIn,

    /// <summary>Points given up when the member's account was erased.</summary>
    Forfeit,
}
