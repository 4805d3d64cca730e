using Loyalty.Core.Ledger;

namespace Loyalty.Core.Purchases;

/// <summary>
/// The figures of a cancelled order: the earned points not yet taken back by refunds, the cash not yet refunded (for
/// a spend-based tier) and the points paid not yet given back, with their expiry.
/// </summary>
public sealed record OrderCancellation(long ClawBack, decimal Cash, IReadOnlyList<LotPortion> Restore)
{
    public long Restored => Restore.Sum(r => r.Points);

    public static OrderCancellation Of(PurchaseRecord order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var restore = order.Captured.Slice(order.PointsRestored, order.Captured.Points - order.PointsRestored);
        return new(Math.Max(0, order.Points - order.PointsClawedBack), Math.Max(0, order.Purchase.CashPaid - order.RefundedCash), restore);
    }
}
