using Loyalty.Core.Purchases;

namespace Loyalty.Functions.Purchases;

/// <summary>The body of <c>POST /api/v1/purchases</c>. Fields are optional here so a missing one is reported by name (422), not as unreadable JSON.</summary>
public sealed record PurchaseRequest(
    string? OrderId,
    string? MemberId,
    string? StoreId,
    IReadOnlyList<PurchaseLineRequest>? Lines,
    decimal? CashPaid,
    long? PointsPaid,
    DateTimeOffset? OccurredAt,
    bool? Complete = null,
    IReadOnlyList<string?>? HoldIds = null)
{
    public Purchase ToPurchase(DateTimeOffset now) => new(
        OrderId ?? string.Empty,
        MemberId ?? string.Empty,
        StoreId,
        [.. (Lines ?? []).Select(l => new PurchaseLine(l?.Sku ?? string.Empty, l?.Category, l?.Quantity ?? 0, l?.UnitPrice ?? -1))],
        CashPaid ?? -1,
        PointsPaid,
        OccurredAt ?? now)
    {
        Completed = Complete ?? true,
        HoldIds = [.. (HoldIds ?? []).Select(h => h ?? string.Empty)],
    };
}

public sealed record PurchaseLineRequest(string? Sku, string? Category, decimal? Quantity, decimal? UnitPrice);
