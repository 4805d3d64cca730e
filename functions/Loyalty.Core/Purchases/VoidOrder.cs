using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Purchases;

/// <summary>
/// An order that never completed was cancelled: the pending points it earned (less what refunds already took) are
/// voided, and the points it was paid with (less what refunds already gave back) return with their own expiry.
/// </summary>
public sealed record VoidOrder(string OrderId, string? LotId, DateTimeOffset OccurredAt, OrderCancellation Cancellation, ProgramRules Rules) : LedgerCommand($"cancel:{OrderId}")
{
    protected override string Describe() => $"{OrderId}|{LotId}|{Cancellation.ClawBack}|{Cancellation.Restored}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var qualifying = Rules.Tiers.Basis == TierBasis.Spend ? Cancellation.Cash : Cancellation.ClawBack;
        transaction.UpdateAccount(a => TierEngine.Record(a, -qualifying, OccurredAt, Rules.Zone()));
        var entry = Cancellation.ClawBack > 0
            ? transaction.ClawBack(LotId, Cancellation.ClawBack, OrderId, "Order cancelled before completion", type: LedgerEntryType.Void)
            : transaction.Note(LedgerEntryType.Void, OrderId, "Order cancelled before completion");
        if (Cancellation.Restored > 0)
        {
            transaction.Restore(Cancellation.Restore, OrderId, "Points paid for a cancelled order given back");
        }

        return entry;
    }
}
