namespace Loyalty.Core.Ledger;

/// <summary>
/// Points with the expiry they had when they were spent: what a transfer moves and a reversal gives back, so neither
/// can extend their life.
/// </summary>
public sealed record LotPortion(long Points, DateTimeOffset ExpiresAt);
