using Loyalty.Core.Ledger;

namespace Loyalty.Core.Expiry;

/// <summary>What a ledger change adds to the expiry index: the expiry of every lot it creates (a lot's expiry never changes afterwards).</summary>
public static class ExpiryIntents
{
    public static IReadOnlyCollection<DateTimeOffset> NewLotExpiries(IEnumerable<PointsLot> before, IEnumerable<PointsLot> after)
    {
        var existing = before.Select(l => l.LotId).ToHashSet(StringComparer.Ordinal);
        return [.. after.Where(l => !existing.Contains(l.LotId) && l.ExpiresAt != PointsLot.NeverExpires).Select(l => l.ExpiresAt).Distinct()];
    }
}
