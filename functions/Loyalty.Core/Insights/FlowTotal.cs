using Loyalty.Core.Ledger;

namespace Loyalty.Core.Insights;

/// <summary>Points earned, redeemed and expired (<see cref="PointsFlow"/>) in one day or month, and the signed totals by entry type for the flow chart.</summary>
public sealed record FlowTotal(DateOnly Start, long Earned, long Redeemed, long Expired, IReadOnlyDictionary<LedgerEntryType, long> ByType);
