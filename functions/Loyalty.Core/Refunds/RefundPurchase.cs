using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Refunds;

/// <summary>
/// Takes back the points a refunded part of an order earned (from that order's lot; what was already spent becomes
/// debt) and gives back the points the member paid with for returned lines — both in one batch. The points given back
/// undo part of the order's spend (with the expiry they had); they are not a new credit.
/// </summary>
public sealed record RefundPurchase(RefundRecord Refund, string? LotId, DateTimeOffset PurchasedAt, ProgramRules Rules) : LedgerCommand($"refund:{Refund.RefundId}")
{
    protected override string Describe() => $"{Refund.RefundId}|{Refund.OrderId}|{Refund.PointsToClawBack}|{Refund.PointsToRestore}";

    public override Result<LedgerEntry?> Apply(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var zone = Rules.Zone();
        LedgerEntry? entry = null;
        if (Refund.PointsToClawBack > 0)
        {
            entry = transaction.ClawBack(LotId, Refund.PointsToClawBack, Refund.OrderId, $"Refund {Refund.RefundId}", new Dictionary<string, string> { ["refundId"] = Refund.RefundId });
        }

        if (Refund.PointsToRestore > 0)
        {
            var restored = transaction.Restore(Refund.Restore, Refund.OrderId, $"Points paid for returned goods, refund {Refund.RefundId}", new Dictionary<string, string> { ["refundId"] = Refund.RefundId });
            entry ??= restored;
        }

        var qualifying = Rules.Tiers.Basis == TierBasis.Spend ? Refund.CashRefunded : Refund.PointsToClawBack;
        transaction.UpdateAccount(a => TierEngine.Record(a, -qualifying, PurchasedAt, zone));
        return entry;
    }
}
