namespace Loyalty.Core.Pos;

/// <summary>A basket line after member pricing: <see cref="Pricing"/> is "member-price", "tier-discount" or "list".</summary>
public sealed record QuotedLine(string Sku, string? Category, decimal Amount, decimal PayableAmount, string Pricing, bool PointsExcluded);
