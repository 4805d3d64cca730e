using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Pos;

namespace Loyalty.Core.Purchases;

/// <summary>
/// Backs an order's points part with the ledger's own rows: every hold it names must exist in the member's partition,
/// be for this order and be captured, and together they must come to <c>pointsPaid</c> when the till sent it. A
/// captured hold never changes again, so reading it ahead of the order's own ledger batch is safe.
/// </summary>
public static class OrderHolds
{
    public const string NotCaptured = "points-not-captured";

    public static async Task<Result<CapturedPoints>> ReadAsync(ILedgerStore store, string tenantId, Purchase purchase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(purchase);
        var shape = PurchaseValidator.ValidatePayment(tenantId, purchase);
        if (shape.Count > 0)
        {
            return Refused(shape);
        }

        if (purchase.HoldIds.Count == 0)
        {
            return CapturedPoints.None;
        }

        var errors = new List<FieldError>();
        var holds = new List<PointsHold>();
        for (var i = 0; i < purchase.HoldIds.Count; i++)
        {
            var holdId = purchase.HoldIds[i];
            var field = $"holdIds[{i}]";
            var hold = await store.FindHoldAsync(HoldIds.Member(tenantId, holdId)!, holdId, cancellationToken);
            if (hold is null)
            {
                errors.Add(new FieldError(field, "hold-exists", $"Hold '{holdId}' does not exist."));
            }
            else if (hold.OrderId != purchase.OrderId)
            {
                errors.Add(new FieldError(field, "same-order", $"Hold '{holdId}' was made for order '{hold.OrderId}', not '{purchase.OrderId}'."));
            }
            else if (hold.Status != HoldStatus.Captured)
            {
                errors.Add(new FieldError(field, "captured", $"Hold '{holdId}' is {(hold.Status == HoldStatus.Released ? "released" : "not captured yet")}: only captured points pay for an order (POST /api/v1/pos/holds/{{holdId}}/capture)."));
            }
            else
            {
                holds.Add(hold);
            }
        }

        var captured = holds.Sum(h => h.Points);
        if (errors.Count == 0 && purchase.PointsPaid is { } paid && paid != captured)
        {
            errors.Add(new FieldError("pointsPaid", "equals-captured", $"pointsPaid is {paid}, but the holds captured {captured} points for order '{purchase.OrderId}'."));
        }

        if (errors.Count > 0)
        {
            return Refused(errors);
        }

        var portions = holds.SelectMany(h => h.Lots)
            .GroupBy(l => l.ExpiresAt)
            .OrderByDescending(g => g.Key)
            .Select(g => new LotPortion(g.Sum(l => l.Points), g.Key))
            .ToList();
        return new CapturedPoints(captured, portions);
    }

    private static Error Refused(IReadOnlyList<FieldError> errors) =>
        new(ErrorKind.Validation, NotCaptured, "The points part of the order is not backed by POS holds captured for it: " + string.Join(" ", errors.Select(e => e.Message)), errors);
}
