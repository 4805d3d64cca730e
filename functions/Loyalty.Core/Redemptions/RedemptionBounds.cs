using Loyalty.Core.Common;

namespace Loyalty.Core.Redemptions;

/// <summary>The bounds of a physical gift's shipping address.</summary>
public static class RedemptionBounds
{
    public static readonly TextBound RecipientName = new(50);

    public static readonly TextBound Address = new(200);
}
