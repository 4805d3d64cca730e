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
}
