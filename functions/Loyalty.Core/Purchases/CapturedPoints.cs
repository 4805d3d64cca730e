using Loyalty.Core.Ledger;

namespace Loyalty.Core.Purchases;

/// <summary>
/// The points that paid for an order as the ledger recorded them: the total its captured POS holds took, and the same
/// points by expiry in the order a refund gives them back (latest expiry first, the reverse of how they were spent).
/// </summary>
public sealed record CapturedPoints(long Points, IReadOnlyList<LotPortion> Portions)
{
    public static readonly CapturedPoints None = new(0, []);

    /// <summary>The next <paramref name="points"/> to give back after <paramref name="alreadyRestored"/> were.</summary>
    public IReadOnlyList<LotPortion> Slice(long alreadyRestored, long points)
    {
        var slice = new List<LotPortion>();
        var skip = alreadyRestored;
        var left = points;
        foreach (var portion in Portions)
        {
            var available = portion.Points - Math.Min(skip, portion.Points);
            skip -= portion.Points - available;
            var take = Math.Min(available, left);
            if (take > 0)
            {
                slice.Add(portion with { Points = take });
                left -= take;
            }
        }

        return slice;
    }
}
