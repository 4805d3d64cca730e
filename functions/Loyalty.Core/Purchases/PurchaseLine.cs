namespace Loyalty.Core.Purchases;

public sealed record PurchaseLine(string Sku, string? Category, decimal Quantity, decimal UnitPrice)
{
    public decimal Amount => Quantity * UnitPrice;
}
