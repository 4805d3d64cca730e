using Loyalty.Core.Common;
using Loyalty.Core.Members;
using Loyalty.Core.Pos;

namespace Loyalty.Core.Purchases;

public static class PurchaseValidator
{
    public const int MaxLines = PurchaseBounds.MaxLines;

    public static IReadOnlyList<FieldError> Validate(Purchase purchase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        var errors = new List<FieldError>();
        void Fail(string field, string rule, string message) => errors.Add(new FieldError(field, rule, message));

        if (!IsValidOrderId(purchase.OrderId))
        {
            Fail("orderId", "pattern", "orderId is required: 1-64 letters, digits, '_', '.' or '-'.");
        }

        if (!MemberKey.IsValidMemberId(purchase.MemberId))
        {
            Fail("memberId", "pattern", "memberId is required: 1-64 letters, digits, '_', '.' or '-'.");
        }

        if (!TextBounds.Code.Contains(purchase.StoreId))
        {
            Fail("storeId", "length", "storeId must be at most 64 characters.");
        }

        if (!PurchaseBounds.Lines.Contains(purchase.Lines.Count))
        {
            errors.Add(PurchaseBounds.Lines.CountViolation("lines"));
        }

        for (var i = 0; i < Math.Min(purchase.Lines.Count, MaxLines); i++)
        {
            ValidateLine(purchase.Lines[i], $"lines[{i}]", errors);
        }

        if (!IsMoney(purchase.CashPaid, PurchaseBounds.CashPaid))
        {
            Fail("cashPaid", "money", $"cashPaid is required: an amount {PurchaseBounds.CashPaid.Describe()} with at most two decimals.");
        }

        if (purchase.PointsPaid is { } points && !PurchaseBounds.PointsPaid.Contains(points))
        {
            errors.Add(PurchaseBounds.PointsPaid.Violation("pointsPaid"));
        }

        // A bound of the request itself, so a preview basket (which needs no holds) is held to it too.
        if (!PurchaseBounds.HoldIds.Contains(purchase.HoldIds.Count))
        {
            errors.Add(PurchaseBounds.HoldIds.CountViolation("holdIds"));
        }

        if (purchase.Lines.Count > 0 && purchase.CashPaid > purchase.LinesTotal)
        {
            Fail("cashPaid", "not-above-total", $"cashPaid ({purchase.CashPaid:0.00}) exceeds the lines' total ({purchase.LinesTotal:0.00}).");
        }

        if (purchase.OccurredAt > now.AddMinutes(5))
        {
            Fail("occurredAt", "not-in-future", "occurredAt is in the future.");
        }

        if (purchase.OccurredAt < now.AddYears(-1))
        {
            Fail("occurredAt", "not-too-old", "occurredAt is more than a year ago.");
        }

        return errors;
    }

    /// <summary>
    /// How an order says it was paid with points: only through POS holds of the same member (<c>holdIds</c>); a
    /// <c>pointsPaid</c> without them is a number nothing in the ledger backs. Whether the holds really were captured
    /// for this order is checked against the ledger by <see cref="OrderHolds"/>.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidatePayment(string tenantId, Purchase purchase)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        var errors = new List<FieldError>();
        if (purchase.PointsPaid > 0 && purchase.HoldIds.Count == 0)
        {
            errors.Add(new FieldError("pointsPaid", "captured-holds", "Points pay for an order only through POS holds captured for it: name them in holdIds (pointsPaid then defaults to what they captured)."));
        }

        if (!PurchaseBounds.HoldIds.Contains(purchase.HoldIds.Count))
        {
            errors.Add(PurchaseBounds.HoldIds.CountViolation("holdIds"));
            return errors;
        }

        for (var i = 0; i < purchase.HoldIds.Count; i++)
        {
            var holdId = purchase.HoldIds[i];
            var member = HoldIds.Member(tenantId, holdId);
            if (member is null)
            {
                errors.Add(new FieldError($"holdIds[{i}]", "pattern", "holdIds must list hold ids as returned by POST /api/v1/pos/holds."));
            }
            else if (member.MemberId != purchase.MemberId)
            {
                errors.Add(new FieldError($"holdIds[{i}]", "same-member", $"Hold '{holdId}' belongs to member '{member.MemberId}', not to '{purchase.MemberId}'."));
            }
            else if (purchase.HoldIds.Take(i).Contains(holdId, StringComparer.Ordinal))
            {
                errors.Add(new FieldError($"holdIds[{i}]", "unique", $"Hold '{holdId}' is listed twice."));
            }
        }

        return errors;
    }

    public static bool IsValidOrderId(string? orderId) => MemberKey.IsValidMemberId(orderId);

    private static bool IsMoney(decimal amount, Bound bound) => bound.Contains(amount) && decimal.Round(amount, 2) == amount;

    private static void ValidateLine(PurchaseLine line, string path, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(line.Sku) || !TextBounds.Code.Contains(line.Sku))
        {
            errors.Add(new FieldError($"{path}.sku", "length", "sku is required, at most 64 characters."));
        }

        if (line.Category is { Length: > 64 })
        {
            errors.Add(new FieldError($"{path}.category", "length", "category must be at most 64 characters."));
        }

        if (!PurchaseBounds.Quantity.Contains(line.Quantity))
        {
            errors.Add(PurchaseBounds.Quantity.Violation($"{path}.quantity"));
        }

        if (!IsMoney(line.UnitPrice, PurchaseBounds.UnitPrice))
        {
            errors.Add(new FieldError($"{path}.unitPrice", "money", $"unitPrice is required: an amount {PurchaseBounds.UnitPrice.Describe()} with at most two decimals."));
        }
    }
}
