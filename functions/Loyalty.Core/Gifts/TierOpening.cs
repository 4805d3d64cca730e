namespace Loyalty.Core.Gifts;

/// <summary>Members of <see cref="Tier"/> or higher may redeem from <see cref="OpensAt"/>, before the gift opens to everyone.</summary>
public sealed record TierOpening(string Tier, DateTimeOffset OpensAt);
