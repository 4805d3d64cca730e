using Loyalty.Core.Insights;
using static Loyalty.Core.Tests.Insights.InsightsData;

namespace Loyalty.Core.Tests.Insights;

public sealed class LiabilityTests
{
    private static readonly MemberActivity[] Members =
    [
        Member("a") with { Balance = 1000, Available = 800 },
        Member("b") with { Balance = 250, Available = 250 },
        Member("c") with { Balance = -50, Available = -50 }, // in debt: owed nothing
        Member("d"),
    ];

    [Fact]
    public void Outstanding_points_sum_positive_balances_and_their_cash_value_floors_to_the_fen()
    {
        var at100 = LiabilityCalculator.Compute(Members, 100);
        var at30 = LiabilityCalculator.Compute(Members, 30);

        // 1000 + 250 = 1250 points; 800 + 250 = 1050 available
        Assert.Equal((4, 2, 1250L, 1050L), (at100.Members, at100.MembersWithPoints, at100.OutstandingPoints, at100.AvailablePoints));
        Assert.Equal(12.50m, at100.CashValue); // 1250 / 100 yuan
        Assert.Equal(41.66m, at30.CashValue); // 1250 * 100 / 30 = 4166.67 fen, floored to 4166
    }

    [Fact]
    public void An_empty_tenant_owes_nothing()
    {
        var liability = LiabilityCalculator.Compute([], 100);

        Assert.Equal((0, 0L, 0m), (liability.Members, liability.OutstandingPoints, liability.CashValue));
    }

    [Fact]
    public void Expiring_points_are_forecast_for_each_coming_month_zeros_included()
    {
        MemberActivity[] members =
        [
            Member("a") with { Expiring = [new(D("2026-12-01"), 300), new(D("2027-02-01"), 100)] },
            Member("b") with { Expiring = [new(D("2026-12-01"), 50), new(D("2027-06-01"), 999)] },
        ];

        var forecast = ExpiringPointsForecast.ByMonth(members, D("2026-12-04"), 3);

        // December 300 + 50; January nothing; February 100; June is beyond the three months
        Assert.Equal([new ExpiringPoints(D("2026-12-01"), 350), new(D("2027-01-01"), 0), new(D("2027-02-01"), 100)], forecast);
    }
}
