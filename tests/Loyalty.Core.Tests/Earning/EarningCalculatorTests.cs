using Loyalty.Core.Earning;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;

namespace Loyalty.Core.Tests.Earning;

public sealed class EarningCalculatorTests
{
    private static Purchase Order(decimal cash, long pointsPaid = 0) =>
        new("o-1", "m-1", "s-1", [new PurchaseLine("sku", "food", 1, cash + (pointsPaid / 100m))], cash, pointsPaid, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(1, 1, 99.99, 99)]
    [InlineData(1, 10, 99.99, 9)]
    [InlineData(2, 1, 0.50, 1)]
    [InlineData(1, 1, 0.99, 0)]
    public void Base_rate_floors_on_the_cash_paid(decimal points, decimal per, decimal cash, long expected)
    {
        var rules = new ProgramRules { Earning = new EarningRules { BaseRatePoints = points, BaseRatePer = per } };

        Assert.Equal(expected, EarningCalculator.Calculate(Order(cash), rules).Points);
    }

    [Fact]
    public void The_part_paid_with_points_earns_nothing()
    {
        var result = EarningCalculator.Calculate(Order(cash: 30m, pointsPaid: 7000), new ProgramRules());

        Assert.Equal(30, result.Points);
    }

    [Fact]
    public void Per_order_cap_applies()
    {
        var rules = new ProgramRules { Earning = new EarningRules { MaxPointsPerOrder = 500 } };

        Assert.Equal(500, EarningCalculator.Calculate(Order(9999m), rules).Points);
    }
}
