using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Redemptions;

/// <summary>Takes a gift's price; records the expiry of every point taken so a refund can give the points back unchanged.</summary>
public sealed record RedemptionDebit(string RedemptionId, string GiftId, long Points) : LedgerCommand(RedemptionIds.DebitKey(RedemptionId))
{
    protected override string Describe() => $"{RedemptionId}|{GiftId}|{Points}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var spent = transaction.SpendWithExpiry(Points, LedgerEntryType.Spend, RedemptionId, $"Redeemed gift {GiftId}", new Dictionary<string, string> { ["giftId"] = GiftId });
        return spent.IsSuccess ? spent.Value.Entry : spent.Error;
    }
}
