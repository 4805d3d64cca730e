namespace Loyalty.Core.Insights;

/// <summary>Redemptions of one gift on one day by members of one tier and home store (null store: none known).</summary>
public sealed record GiftRedemptionTally(string GiftId, string Tier, string? StoreId, int Count, long Points);
