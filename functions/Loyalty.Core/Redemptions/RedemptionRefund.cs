using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Redemptions;

/// <summary>Gives back a redemption's debit with the expiries its points had (as the debit entry recorded them), linked to the debit entry.</summary>
public sealed record RedemptionRefund(string RedemptionId, LedgerEntry Debit, string Reason) : LedgerCommand(RedemptionIds.RefundKey(RedemptionId))
{
    protected override string Describe() => $"{RedemptionId}|{Debit.EntryId}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Restore(LotPortions.Of(Debit), RedemptionId, Reason, new Dictionary<string, string>
        {
            ["debitEntryId"] = Debit.EntryId,
            ["redemptionId"] = RedemptionId,
        });
    }
}
