using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Purchases;

/// <summary>An order that never completed was cancelled: the pending points it created are voided.</summary>
public sealed record VoidOrder(PurchaseRecord Order, ProgramRules Rules) : LedgerCommand($"cancel:{Order.Purchase.OrderId}")
{
    protected override string Describe() => $"{Order.Purchase.OrderId}|{Order.LotId}|{Order.Points}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var purchase = Order.Purchase;
        var qualifying = Rules.Tiers.Basis == TierBasis.Spend ? purchase.CashPaid : Order.Points;
        transaction.UpdateAccount(a => TierEngine.Record(a, -qualifying, purchase.OccurredAt, Rules.Zone()));
        return Order.Points > 0
            ? transaction.ClawBack(Order.LotId, Order.Points, purchase.OrderId, "Order cancelled before completion", type: LedgerEntryType.Void)
            : transaction.Note(LedgerEntryType.Void, purchase.OrderId, "Order cancelled before completion");
    }
}
