using Loyalty.Core.Ledger;

namespace Loyalty.Core.Purchases;

/// <summary>
/// What one accepted refund takes from an order and gives back, fixed on the order record in the same ETag-guarded
/// update that counts it. The refund's processing applies these figures, so two submissions of one refund racing a
/// third can never apply figures the order did not count.
/// </summary>
public sealed record OrderRefund(string RefundId, decimal Cash, long ClawBack, IReadOnlyList<LotPortion> Restore)
{
    public long Restored => Restore.Sum(r => r.Points);
}
