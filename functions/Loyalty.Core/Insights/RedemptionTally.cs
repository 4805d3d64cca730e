namespace Loyalty.Core.Insights;

/// <summary>Redemptions and points under one key (a gift id, a tier, a store).</summary>
public sealed record RedemptionTally(string Key, int Count, long Points);
