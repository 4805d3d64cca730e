using Loyalty.Core.Pos;

namespace Loyalty.Core.Insights;

/// <summary>Outstanding points and their cash value (<see cref="Liability"/>).</summary>
public static class LiabilityCalculator
{
    public static Liability Compute(IReadOnlyCollection<MemberActivity> members, long pointsPerYuan)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pointsPerYuan);
        var outstanding = members.Sum(m => Math.Max(0, m.Balance));
        var available = members.Sum(m => Math.Max(0, m.Available));
        return new Liability(
            members.Count,
            members.Count(m => m.Balance > 0),
            outstanding,
            available,
            pointsPerYuan,
            PointsCashCalculator.CashFen(outstanding, pointsPerYuan) / 100m);
    }
}
