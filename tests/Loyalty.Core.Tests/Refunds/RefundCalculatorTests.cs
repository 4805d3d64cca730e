using Loyalty.Core.Ledger;
using Loyalty.Core.Purchases;
using Loyalty.Core.Refunds;

namespace Loyalty.Core.Tests.Refunds;

public sealed class RefundCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Later = Now.AddMonths(11);
    private static readonly DateTimeOffset Sooner = Now.AddMonths(2);

    // 3 × tea at 20 + 1 × cake at 40 = 100; 80 paid in cash, 2000 points paid by a captured hold (1200 expiring later,
    // 800 sooner); earned 80 points.
    private static PurchaseRecord Order() => new()
    {
        TenantId = "t",
        Purchase = new Purchase("o-1", "m-1", "s", [new PurchaseLine("tea", "drinks", 3, 20), new PurchaseLine("cake", "food", 1, 40)], 80m, 2000, Now),
        Fingerprint = "f",
        Status = PurchaseStatus.Credited,
        ReceivedAt = Now,
        Points = 80,
        LotId = "lot",
        Captured = new CapturedPoints(2000, [new LotPortion(1200, Later), new LotPortion(800, Sooner)]),
    };

    private static RefundRecord Calculate(RefundRequest request, PurchaseRecord order) =>
        RefundCalculator.Calculate(request, order, Now, "f").Value!;

    private static PurchaseRecord Applied(PurchaseRecord order, RefundRecord refund) => order with
    {
        RefundedCash = order.RefundedCash + refund.CashRefunded,
        RefundedQuantities = refund.Quantities.Keys.Union(order.RefundedQuantities.Keys).ToDictionary(k => k, k => order.RefundedQuantities.GetValueOrDefault(k) + refund.Quantities.GetValueOrDefault(k)),
        PointsClawedBack = order.PointsClawedBack + refund.PointsToClawBack,
        PointsRestored = order.PointsRestored + refund.PointsToRestore,
    };

    [Fact]
    public void Returning_lines_claws_back_proportionally_and_restores_the_points_paid_for_them()
    {
        var refund = Calculate(new RefundRequest("r1", "o-1", [new RefundLine("cake", 1)], null), Order());

        Assert.Equal(32m, refund.CashRefunded);
        Assert.Equal(32, refund.PointsToClawBack);
        Assert.Equal(800, refund.PointsToRestore);
        Assert.Equal([new LotPortion(800, Later)], refund.Restore);
    }

    [Fact]
    public void Successive_returns_give_back_successive_slices_of_the_captured_points_and_never_more_than_captured()
    {
        var order = Order();
        var tea = Calculate(new RefundRequest("r1", "o-1", [new RefundLine("tea", 2)], null), order);
        order = Applied(order, tea);
        var rest = Calculate(new RefundRequest("r2", "o-1", null, null), order);

        Assert.Equal([new LotPortion(800, Later)], tea.Restore);
        Assert.Equal([new LotPortion(400, Later), new LotPortion(800, Sooner)], rest.Restore);
        Assert.Equal(2000, tea.PointsToRestore + rest.PointsToRestore);
    }

    [Fact]
    public void Points_the_till_said_it_took_but_no_captured_hold_backs_are_never_given_back()
    {
        var unbacked = Order() with { Captured = CapturedPoints.None };

        var refund = Calculate(new RefundRequest("r1", "o-1", null, null), unbacked);

        Assert.Equal((80, 0L), (refund.PointsToClawBack, refund.PointsToRestore));
        Assert.Empty(refund.Restore);
    }

    [Fact]
    public void Partial_refunds_add_up_to_exactly_what_the_order_earned()
    {
        var order = Order();
        var total = 0L;
        foreach (var amount in new[] { 10.01m, 33.33m, 0.07m })
        {
            var refund = Calculate(new RefundRequest($"r{amount}", "o-1", null, amount), order);
            total += refund.PointsToClawBack;
            order = Applied(order, refund);
        }

        var rest = Calculate(new RefundRequest("rest", "o-1", null, null), order);

        Assert.Equal(80 - 10.01m - 33.33m - 0.07m, rest.CashRefunded);
        Assert.Equal(80, total + rest.PointsToClawBack);
        Assert.Equal(2000, rest.PointsToRestore);
    }

    [Fact]
    public void Returning_the_last_goods_refunds_the_last_fen_and_takes_back_every_point_even_when_the_cash_share_does_not_divide()
    {
        // 2 × 38 = 76, 75.50 in cash: 76 × 75.5 / 76 rounds down to 75.49 if computed, leaving a fen and a point behind.
        var order = new PurchaseRecord
        {
            TenantId = "t",
            Purchase = new Purchase("o-2", "m-1", "s", [new PurchaseLine("tea", "drinks", 2, 38)], 75.5m, 50, Now),
            Fingerprint = "f",
            Status = PurchaseStatus.Credited,
            ReceivedAt = Now,
            Points = 75,
            LotId = "lot",
        };

        var one = Calculate(new RefundRequest("r1", "o-2", [new RefundLine("tea", 1)], null), order);
        var rest = Calculate(new RefundRequest("r2", "o-2", null, null), Applied(order, one));

        Assert.Equal(75.5m, one.CashRefunded + rest.CashRefunded);
        Assert.Equal(75, one.PointsToClawBack + rest.PointsToClawBack);
    }

    [Fact]
    public void More_than_was_bought_or_paid_is_refused()
    {
        var order = Order();

        var tooMany = RefundCalculator.Calculate(new RefundRequest("r", "o-1", [new RefundLine("tea", 4)], null), order, Now, "f");
        var tooMuch = RefundCalculator.Calculate(new RefundRequest("r", "o-1", null, 80.01m), order, Now, "f");
        var notInOrder = RefundCalculator.Calculate(new RefundRequest("r", "o-1", [new RefundLine("coffee", 1)], null), order, Now, "f");
        var afterFull = RefundCalculator.Calculate(new RefundRequest("r2", "o-1", null, null), Applied(order, Calculate(new RefundRequest("r1", "o-1", null, null), order)), Now, "f");

        Assert.Equal(("refund-exceeds-purchase", "lines[0].quantity"), (tooMany.Error!.Code, tooMany.Error.Fields![0].Field));
        Assert.Equal("refund-exceeds-purchase", tooMuch.Error!.Code);
        Assert.Equal("lines[0].sku", notInOrder.Error!.Fields![0].Field);
        Assert.Equal("nothing-to-refund", afterFull.Error!.Code);
    }
}
