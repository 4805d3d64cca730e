using Loyalty.Core.Common;

namespace Loyalty.Core.Pos;

/// <summary>The bounds of the numbers in POS quotes and holds; basket lines share the purchase lines' bounds.</summary>
public static class PosBounds
{
    public const long MaxHoldPoints = 100_000_000;

    public static readonly Bound BasketLines = new(1, Purchases.PurchaseBounds.MaxLines);

    public static readonly Bound HoldPoints = new(1, MaxHoldPoints);
}
