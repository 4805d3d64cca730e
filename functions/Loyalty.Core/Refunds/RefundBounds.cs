using Loyalty.Core.Common;
using Loyalty.Core.Purchases;

namespace Loyalty.Core.Refunds;

/// <summary>The bounds of the numbers in a refund (<c>POST /api/v1/refunds</c>).</summary>
public static class RefundBounds
{
    public static readonly Bound Amount = new(0, PurchaseBounds.CashPaid.Maximum) { ExclusiveMinimum = true };

    public static readonly Bound Lines = new(1, PurchaseBounds.MaxLines);

    public static readonly Bound Quantity = PurchaseBounds.Quantity;
}
