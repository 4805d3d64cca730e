using Loyalty.Core.Common;

namespace Loyalty.Core.Family;

/// <summary>The bounds of a transfer between family accounts (<c>POST /api/v1/transfers</c>).</summary>
public static class TransferBounds
{
    public static readonly Bound Points = new(1, 100_000_000);

    /// <summary>The note the sender may attach, shown in both ledgers.</summary>
    public static readonly TextBound Message = new(100);
}
