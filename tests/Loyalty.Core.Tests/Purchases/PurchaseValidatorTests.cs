using Loyalty.Core.Purchases;

namespace Loyalty.Core.Tests.Purchases;

public sealed class PurchaseValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static Purchase Valid() => new("o-1", "m-1", "s-1", [new PurchaseLine("sku-1", "food", 2, 10.50m)], 21m, 0, Now);

    [Fact]
    public void A_well_formed_order_passes()
    {
        Assert.Empty(PurchaseValidator.Validate(Valid(), Now));
    }

    [Fact]
    public void Each_bad_field_is_named()
    {
        var order = Valid() with
        {
            OrderId = "bad id!",
            Lines = [new PurchaseLine("", null, 0, 1.234m)],
            CashPaid = -1,
            OccurredAt = Now.AddDays(1),
        };

        var fields = PurchaseValidator.Validate(order, Now).Select(e => e.Field).ToList();

        Assert.Equal(["orderId", "lines[0].sku", "lines[0].quantity", "lines[0].unitPrice", "cashPaid", "occurredAt"], fields);
    }

    [Fact]
    public void Cash_paid_above_the_lines_total_is_refused()
    {
        var fields = PurchaseValidator.Validate(Valid() with { CashPaid = 100m }, Now);

        Assert.Equal("not-above-total", Assert.Single(fields).Rule);
    }
}
