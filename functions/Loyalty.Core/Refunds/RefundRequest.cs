namespace Loyalty.Core.Refunds;

/// <summary>A return: either lines (SKU and quantity) or a cash amount; neither means "everything not yet refunded".</summary>
public sealed record RefundRequest(string RefundId, string OrderId, IReadOnlyList<RefundLine>? Lines, decimal? Amount);

public sealed record RefundLine(string Sku, decimal Quantity);
