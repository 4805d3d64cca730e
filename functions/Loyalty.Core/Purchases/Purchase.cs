namespace Loyalty.Core.Purchases;

/// <summary>An order reported by a POS or storefront. Only <see cref="CashPaid"/> earns; the part paid with points never does.</summary>
public sealed record Purchase(
    string OrderId,
    string MemberId,
    string? StoreId,
    IReadOnlyList<PurchaseLine> Lines,
    decimal CashPaid,
    long PointsPaid,
    DateTimeOffset OccurredAt)
{
    public decimal LinesTotal => Lines.Sum(l => l.Amount);
}
