using Loyalty.Core.Lottery;
using static Loyalty.Core.Tests.Support.Accounts;

namespace Loyalty.Core.Tests.Lottery;

public sealed class OddsTableTests
{
    private static Core.Lottery.Lottery Lottery(long cupStock) => new()
    {
        TenantId = "t",
        LotteryId = "l",
        Name = "Spring draw",
        CostPoints = 10,
        Prizes = [new LotteryPrize("cup", "Cup", 10, cupStock), new LotteryPrize("pen", "Pen", 90, 5)],
        NoPrizeWeight = 900,
        Version = 3,
        UpdatedAt = Now,
    };

    [Fact]
    public void Outcomes_own_consecutive_ranges_in_the_published_order()
    {
        var odds = OddsTable.For(Lottery(1));

        Assert.Equal(1000, odds.Total);
        Assert.Equal(["cup", "cup", "pen", "pen", "none", "none"], new long[] { 0, 9, 10, 99, 100, 999 }.Select(odds.Pick));
        Assert.Throws<ArgumentOutOfRangeException>(() => odds.Pick(1000));
    }

    [Fact]
    public void An_out_of_stock_prize_falls_back_to_no_prize_without_changing_other_odds()
    {
        var odds = OddsTable.For(Lottery(0));

        Assert.Equal(["none", "pen"], new long[] { 5, 50 }.Select(odds.Pick));
        Assert.Equal(1000, odds.Total);
        var view = LotteryView.From(Lottery(0));
        Assert.Equal([0m, 0.09m], view.Prizes.Select(p => p.Probability));
        Assert.Equal(0.91m, view.NoPrizeProbability);
    }

    [Fact]
    public void An_auditor_recomputes_the_outcome_from_the_recorded_table_and_number()
    {
        var recorded = OddsTable.For(Lottery(2)).Format();

        Assert.Equal("cup:10,pen:90,none:900", recorded);
        Assert.Equal("pen", OddsTable.Parse(recorded).Pick(42));
    }
}
