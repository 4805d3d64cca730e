using Loyalty.Core.Common;

namespace Loyalty.Core.Donations;

/// <summary>The bounds of a donation (<c>POST /api/v1/donations</c>).</summary>
public static class DonationBounds
{
    public static readonly Bound Points = new(1, 100_000_000);

    /// <summary>A charity project's description.</summary>
    public static readonly TextBound Description = new(1000);
}
