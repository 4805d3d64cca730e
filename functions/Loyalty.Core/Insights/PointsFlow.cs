using Loyalty.Core.Ledger;

namespace Loyalty.Core.Insights;

/// <summary>
/// How a day's totals read as points earned, redeemed and expired — the one definition every report uses.
/// Earned = earn entries net of the claw-backs of refunded and cancelled orders (refund and void entries are negative).
/// Redeemed = points spent on gifts, as cash at the POS, on lottery draws and donations (<see cref="SpendChannel"/>
/// except transfers: points given to a family member are still owed by the programme). Expired = expiry entries.
/// Manual adjustments, merges and erasures are in the flow chart (<see cref="TenantDay.PointsByType"/>) but in none of the three.
/// </summary>
public static class PointsFlow
{
    private static readonly SpendChannel[] RedemptionChannels = [SpendChannel.Gift, SpendChannel.PosCash, SpendChannel.Lottery, SpendChannel.Donation];

    public static long Earned(TenantDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return Points(day, LedgerEntryType.Earn) + Points(day, LedgerEntryType.Refund) + Points(day, LedgerEntryType.Void);
    }

    public static long Redeemed(TenantDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return RedemptionChannels.Sum(c => day.SpentByChannel.GetValueOrDefault(c));
    }

    public static long Expired(TenantDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return -Points(day, LedgerEntryType.Expire);
    }

    /// <summary>The days of <paramref name="days"/> inside <paramref name="range"/>.</summary>
    public static IEnumerable<TenantDay> In(IEnumerable<TenantDay> days, DateRange range)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(range);
        return days.Where(d => range.Contains(d.Date));
    }

    private static long Points(TenantDay day, LedgerEntryType type) => day.PointsByType.GetValueOrDefault(type);
}
