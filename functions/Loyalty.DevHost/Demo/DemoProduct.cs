namespace Loyalty.DevHost.Demo;

public sealed record DemoProduct(string Sku, string Category, decimal UnitPrice);
