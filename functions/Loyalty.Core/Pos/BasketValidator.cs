using Loyalty.Core.Common;
using Loyalty.Core.Purchases;

namespace Loyalty.Core.Pos;

/// <summary>Checks a POS basket and turns it into purchase lines; every problem is reported with its field.</summary>
public static class BasketValidator
{
    public static Result<IReadOnlyList<PurchaseLine>> Lines(IReadOnlyList<BasketLine?>? lines, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (lines is null || !PosBounds.BasketLines.Contains(lines.Count))
        {
            errors.Add(PosBounds.BasketLines.CountViolation("lines"));
            return Result<IReadOnlyList<PurchaseLine>>.Fail(Error.Validation(errors));
        }

        var result = new List<PurchaseLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var path = $"lines[{i}]";
            if (line is null)
            {
                errors.Add(new FieldError(path, "required", "a basket line is required."));
                continue;
            }

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

            if (line.UnitPrice is not { } price || !PurchaseBounds.UnitPrice.Contains(price) || decimal.Round(price, 2) != price)
            {
                errors.Add(new FieldError($"{path}.unitPrice", "money", $"unitPrice is required: an amount {PurchaseBounds.UnitPrice.Describe()} with at most two decimals."));
            }

            result.Add(new PurchaseLine(line.Sku ?? string.Empty, line.Category, line.Quantity ?? 0, line.UnitPrice ?? 0));
        }

        return errors.Count > 0 ? Error.Validation(errors) : result;
    }
}
