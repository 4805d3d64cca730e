using Loyalty.Core.Ledger;

namespace Loyalty.Core.Insights;

/// <summary>
/// One tenant's totals for one local day (tenant time zone), kept by the day projection. Every tenant-wide report over a
/// range sums these rows: a year is 365 small rows, whatever the number of members. See <see cref="PointsFlow"/> for how
/// earned, redeemed and expired are read from them.
/// </summary>
public sealed record TenantDay
{
    public required DateOnly Date { get; init; }

    /// <summary>The signed sum of ledger deltas by entry type (the 积分流水 chart); types with no entry that day are absent.</summary>
    public IReadOnlyDictionary<LedgerEntryType, long> PointsByType { get; init; } = new Dictionary<LedgerEntryType, long>();

    /// <summary>Points that left members' accounts by channel (positive), net of the same day's restores of that channel.</summary>
    public IReadOnlyDictionary<SpendChannel, long> SpentByChannel { get; init; } = new Dictionary<SpendChannel, long>();

    /// <summary>Purchases by members: orders and cash amount (net of refunds booked that day).</summary>
    public SalesTally MemberSales { get; init; } = SalesTally.None;

    /// <summary>Purchases by non-members, only when the POS reports them; null when unknown (the share of members in sales is then undefined).</summary>
    public SalesTally? NonMemberSales { get; init; }

    public int NewMembers { get; init; }

    /// <summary>New members who registered with another member's code (accepted referrals).</summary>
    public int ReferredNewMembers { get; init; }

    public IReadOnlyList<GiftRedemptionTally> Redemptions { get; init; } = [];

    /// <summary>Points each campaign added that day (by campaign id), as the earning explanations attribute them.</summary>
    public IReadOnlyDictionary<string, long> CampaignPoints { get; init; } = new Dictionary<string, long>();
}
