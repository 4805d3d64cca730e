using Loyalty.Core.Common;

namespace Loyalty.Core.Members;

/// <summary>The bounds of an admin's adjustment (<c>POST /api/v1/members/{id}/adjustments</c>); zero is refused too.</summary>
public static class AdjustmentBounds
{
    public const long MaxDelta = 10_000_000;

    public static readonly Bound Delta = new(-MaxDelta, MaxDelta);
}
