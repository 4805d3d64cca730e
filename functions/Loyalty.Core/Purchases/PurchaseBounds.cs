using Loyalty.Core.Common;

namespace Loyalty.Core.Purchases;

/// <summary>The bounds of the numbers in a purchase (<c>POST /api/v1/purchases</c>) and its lines.</summary>
public static class PurchaseBounds
{
    public const int MaxLines = 500;

    public const int MaxHolds = 10;

    public static readonly Bound Lines = new(0, MaxLines);

    public static readonly Bound Quantity = new(0, 1_000_000) { ExclusiveMinimum = true };

    public static readonly Bound UnitPrice = new(0, 100_000_000);

    public static readonly Bound CashPaid = new(0, 100_000_000);

    /// <summary>At most what <see cref="MaxHolds"/> holds of the largest size can capture.</summary>
    public static readonly Bound PointsPaid = new(0, MaxHolds * Pos.PosBounds.MaxHoldPoints);

    public static readonly Bound HoldIds = new(0, MaxHolds);
}
