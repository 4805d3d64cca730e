namespace Loyalty.Core.Ledger;

/// <summary>Points that move between members with the expiry they had, so a transfer can never extend their life.</summary>
public sealed record LotPortion(long Points, DateTimeOffset ExpiresAt);
