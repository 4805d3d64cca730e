namespace Loyalty.Core.Pos;

/// <summary>One line of a checkout basket as the POS sends it.</summary>
public sealed record BasketLine(string? Sku, string? Category, decimal? Quantity, decimal? UnitPrice);
