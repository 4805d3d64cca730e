namespace Loyalty.Core.Ledger;

/// <summary>Points given back by a reversal, with the expiry of the lot they were originally taken from.</summary>
public sealed record RestoredPoints(long Points, DateTimeOffset ExpiresAt);
