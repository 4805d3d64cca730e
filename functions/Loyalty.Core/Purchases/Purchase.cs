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
    /// <summary>False for orders that complete later (presale, group-buy, delivery): points stay pending until completed.</summary>
    public bool Completed { get; init; } = true;

    public decimal LinesTotal => Lines.Sum(l => l.Amount);

    /// <summary>The share of the order paid in cash (the rest was paid with points).</summary>
    public decimal CashRatio => LinesTotal == 0 ? 1 : Math.Min(1m, CashPaid / LinesTotal);
}
