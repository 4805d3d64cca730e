namespace Loyalty.Core.Purchases;

/// <summary>
/// An order reported by a POS or storefront. Only <see cref="CashPaid"/> earns; the part paid with points never does.
/// Points can pay only through POS holds captured for this order (<see cref="HoldIds"/>); <see cref="PointsPaid"/> is what
/// the till says they came to (null: whatever the holds captured).
/// </summary>
public sealed record Purchase(
    string OrderId,
    string MemberId,
    string? StoreId,
    IReadOnlyList<PurchaseLine> Lines,
    decimal CashPaid,
    long? PointsPaid,
    DateTimeOffset OccurredAt)
{
    /// <summary>False for orders that complete later (presale, group-buy, delivery): points stay pending until completed.</summary>
    public bool Completed { get; init; } = true;

    /// <summary>The POS holds (<c>POST /api/v1/pos/holds</c>) captured for this order: the points that paid for it.</summary>
    public IReadOnlyList<string> HoldIds { get; init; } = [];

    public decimal LinesTotal => Lines.Sum(l => l.Amount);

    /// <summary>The share of the order paid in cash (the rest was paid with points).</summary>
    public decimal CashRatio => LinesTotal == 0 ? 1 : Math.Min(1m, CashPaid / LinesTotal);
}
