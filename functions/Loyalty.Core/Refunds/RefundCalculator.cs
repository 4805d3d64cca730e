using Loyalty.Core.Common;
using Loyalty.Core.Purchases;

namespace Loyalty.Core.Refunds;

/// <summary>
/// What a refund gives back, given everything refunded before it. Claw-back is proportional to cash and computed on
/// the cumulative refunded cash, so a series of partial refunds never takes back more than the order earned and a
/// full refund takes back exactly what it earned. Points paid come back in proportion to the goods returned, from what
/// the order's POS holds captured (<see cref="PurchaseRecord.Captured"/>) and never from what the till said: the
/// cumulative total never exceeds the captured points, and each refund gives back the next slice of them with their
/// own expiry.
/// </summary>
public static class RefundCalculator
{
    public static Result<RefundRecord> Calculate(RefundRequest request, PurchaseRecord order, DateTimeOffset now, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(order);
        var purchase = order.Purchase;
        var remainingCash = purchase.CashPaid - order.RefundedCash;
        decimal cash;
        decimal returnedAmount = 0;
        var quantities = new Dictionary<string, decimal>();
        if (request.Amount is { } amount)
        {
            if (amount > remainingCash)
            {
                return Exceeds("amount", $"amount {amount:0.00} is more than the {remainingCash:0.00} of cash not yet refunded.");
            }

            cash = amount;
        }
        else if (request.Lines is null && purchase.Lines.Count == 0)
        {
            cash = remainingCash;
        }
        else
        {
            var lines = request.Lines ?? Remaining(order);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var bought = purchase.Lines.Where(l => l.Sku == line.Sku).ToList();
                if (bought.Count == 0)
                {
                    return Error.Validation($"lines[{i}].sku", "in-order", $"SKU '{line.Sku}' is not in order '{purchase.OrderId}'.");
                }

                var already = order.RefundedQuantities.GetValueOrDefault(line.Sku) + quantities.GetValueOrDefault(line.Sku);
                var boughtQuantity = bought.Sum(l => l.Quantity);
                if (already + line.Quantity > boughtQuantity)
                {
                    return Exceeds($"lines[{i}].quantity", $"{line.Quantity} of '{line.Sku}' is more than the {boughtQuantity - already} bought and not yet returned.");
                }

                quantities[line.Sku] = quantities.GetValueOrDefault(line.Sku) + line.Quantity;
                returnedAmount += line.Quantity * (bought.Sum(l => l.Amount) / boughtQuantity);
            }

            // The last goods take the last cash: rounding each share down must not leave a fen (and a point) behind.
            cash = AllReturned(order, quantities)
                ? remainingCash
                : Math.Min(remainingCash, Math.Round(returnedAmount * purchase.CashRatio, 2, MidpointRounding.ToZero));
        }

        var refundedAfter = order.RefundedCash + cash;
        var captured = order.Captured.Points;
        var restoreTotal = purchase.Lines.Count == 0
            ? (refundedAfter >= purchase.CashPaid ? captured : (long)Math.Floor(captured * refundedAfter / purchase.CashPaid))
            : (long)Math.Floor(captured * ReturnedShare(order, quantities));
        var restore = Math.Max(0, Math.Min(restoreTotal, captured) - order.PointsRestored);
        if (cash == 0 && quantities.Values.Sum() == 0 && restore == 0)
        {
            return Error.Rule("nothing-to-refund", $"Everything in order '{purchase.OrderId}' was already refunded.");
        }

        var clawTotal = refundedAfter >= purchase.CashPaid || purchase.CashPaid == 0
            ? order.Points
            : (long)Math.Floor(order.Points * refundedAfter / purchase.CashPaid);
        return new RefundRecord
        {
            TenantId = order.TenantId,
            RefundId = request.RefundId,
            OrderId = purchase.OrderId,
            MemberId = purchase.MemberId,
            Fingerprint = fingerprint,
            Status = RefundStatus.Queued,
            ReceivedAt = now,
            CashRefunded = cash,
            Quantities = quantities,
            PointsToClawBack = Math.Max(0, clawTotal - order.PointsClawedBack),
            PointsToRestore = restore,
            Restore = order.Captured.Slice(order.PointsRestored, restore),
        };
    }

    /// <summary>The share of the order's goods returned by all refunds so far plus this one (by amount).</summary>
    private static decimal ReturnedShare(PurchaseRecord order, Dictionary<string, decimal> quantities)
    {
        var purchase = order.Purchase;
        var returned = order.RefundedQuantities.Keys.Union(quantities.Keys).Sum(sku =>
        {
            var lines = purchase.Lines.Where(l => l.Sku == sku).ToList();
            var quantity = lines.Sum(l => l.Quantity);
            var total = order.RefundedQuantities.GetValueOrDefault(sku) + quantities.GetValueOrDefault(sku);
            return quantity == 0 ? 0 : lines.Sum(l => l.Amount) * total / quantity;
        });
        return Math.Min(1m, returned / purchase.LinesTotal);
    }

    private static bool AllReturned(PurchaseRecord order, Dictionary<string, decimal> quantities) =>
        order.Purchase.Lines.GroupBy(l => l.Sku).All(g => order.RefundedQuantities.GetValueOrDefault(g.Key) + quantities.GetValueOrDefault(g.Key) >= g.Sum(l => l.Quantity));

    private static List<RefundLine> Remaining(PurchaseRecord order) =>
        [.. order.Purchase.Lines.GroupBy(l => l.Sku)
            .Select(g => new RefundLine(g.Key, g.Sum(l => l.Quantity) - order.RefundedQuantities.GetValueOrDefault(g.Key)))
            .Where(l => l.Quantity > 0)];

    private static Error Exceeds(string field, string message) =>
        new(ErrorKind.BusinessRule, "refund-exceeds-purchase", message, [new FieldError(field, "not-above-purchase", message)]);
}
