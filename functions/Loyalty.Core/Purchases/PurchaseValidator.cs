using Loyalty.Core.Common;
using Loyalty.Core.Members;

namespace Loyalty.Core.Purchases;

public static class PurchaseValidator
{
    public const int MaxLines = 500;

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

        if (purchase.StoreId is { Length: > 64 })
        {
            Fail("storeId", "length", "storeId must be at most 64 characters.");
        }

        if (purchase.Lines.Count > MaxLines)
        {
            Fail("lines", "max-items", $"An order has at most {MaxLines} lines.");
        }

        for (var i = 0; i < Math.Min(purchase.Lines.Count, MaxLines); i++)
        {
            ValidateLine(purchase.Lines[i], $"lines[{i}]", Fail);
        }

        if (purchase.CashPaid < 0 || decimal.Round(purchase.CashPaid, 2) != purchase.CashPaid || purchase.CashPaid > 100_000_000m)
        {
            Fail("cashPaid", "money", "cashPaid must be a non-negative amount with at most two decimals.");
        }

        if (purchase.PointsPaid < 0)
        {
            Fail("pointsPaid", "range", "pointsPaid must not be negative.");
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

    public static bool IsValidOrderId(string? orderId) => MemberKey.IsValidMemberId(orderId);

    private static void ValidateLine(PurchaseLine line, string path, Action<string, string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(line.Sku) || line.Sku.Length > 64)
        {
            fail($"{path}.sku", "length", "sku is required, at most 64 characters.");
        }

        if (line.Category is { Length: > 64 })
        {
            fail($"{path}.category", "length", "category must be at most 64 characters.");
        }

        if (line.Quantity <= 0 || line.Quantity > 1_000_000)
        {
            fail($"{path}.quantity", "range", "quantity must be greater than 0.");
        }

        if (line.UnitPrice < 0 || decimal.Round(line.UnitPrice, 2) != line.UnitPrice || line.UnitPrice > 100_000_000m)
        {
            fail($"{path}.unitPrice", "money", "unitPrice must be a non-negative amount with at most two decimals.");
        }
    }
}
