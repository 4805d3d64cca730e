using Loyalty.Core.Insights;
using static Loyalty.Core.Tests.Insights.InsightsData;

namespace Loyalty.Core.Tests.Insights;

public sealed class RedemptionPreferencesTests
{
    [Fact]
    public void Gifts_by_count_and_points_by_tier_and_store_and_points_by_channel()
    {
        TenantDay[] days =
        [
            Day("2026-03-01") with
            {
                Redemptions = [new("mug", "normal", "sh-01", 3, 1500), new("tote", "gold", "sh-01", 1, 800), new("mug", "gold", null, 1, 500)],
                SpentByChannel = Spent((SpendChannel.Gift, 2800), (SpendChannel.PosCash, 1000), (SpendChannel.Transfer, 200)),
            },
            Day("2026-03-02") with
            {
                Redemptions = [new("tote", "normal", "bj-02", 3, 2400)],
                SpentByChannel = Spent((SpendChannel.Gift, 2400), (SpendChannel.Lottery, 600)),
            },
            Day("2026-04-01") with { Redemptions = [new("mug", "normal", "sh-01", 100, 50000)] }, // outside
        ];

        var prefs = RedemptionPreferences.Over(days, Range("2026-03-01", "2026-03-31"));

        // mug 3 + 1 = 4 redemptions, 1500 + 500 = 2000 points; tote 1 + 3 = 4, 800 + 2400 = 3200: equal counts, more points first
        Assert.Equal([new RedemptionTally("tote", 4, 3200), new RedemptionTally("mug", 4, 2000)], prefs.ByGift);
        Assert.Equal([new RedemptionTally("normal", 6, 3900), new RedemptionTally("gold", 2, 1300)], prefs.ByTier);
        // sh-01: mug 3 / 1500 + tote 1 / 800; bj-02: tote 3 / 2400; no store: mug 1 / 500
        Assert.Equal([new RedemptionTally("sh-01", 4, 2300), new RedemptionTally("bj-02", 3, 2400), new RedemptionTally(Dormancy.NoStore, 1, 500)], prefs.ByStore);

        // channels: gift 5200, POS 1000, lottery 600, donation 0, transfer 200 of 7000
        Assert.Equal([SpendChannel.Gift, SpendChannel.PosCash, SpendChannel.Lottery, SpendChannel.Donation, SpendChannel.Transfer], prefs.ByChannel.Select(c => c.Channel));
        Assert.Equal([5200L, 1000, 600, 0, 200], prefs.ByChannel.Select(c => c.Points));
        Assert.Equal([0.7429m, 0.1429m, 0.0857m, 0m, 0.0286m], prefs.ByChannel.Select(c => c.Share.Value!.Value)); // 5200/7000 = 0.742857...
    }

    [Fact]
    public void An_empty_range_lists_every_channel_with_an_undefined_share()
    {
        var prefs = RedemptionPreferences.Over([], Range("2026-03-01", "2026-03-31"));

        Assert.Empty(prefs.ByGift);
        Assert.All(prefs.ByChannel, c => Assert.Null(c.Share.Value));
    }
}
