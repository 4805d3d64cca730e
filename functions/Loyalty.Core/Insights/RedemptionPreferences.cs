namespace Loyalty.Core.Insights;

/// <summary>
/// 积分消耗路径 over a range: gift redemptions by gift, by the redeeming member's tier and by their home store (each
/// ordered by count, then points, then key; <see cref="Dormancy.NoStore"/> for members without a store), and points spent
/// by channel, every channel listed, with its share of the points spent through all channels (transfers included here:
/// this is where points went, not what the programme no longer owes).
/// </summary>
public sealed record RedemptionPreferences(
    DateRange Range,
    IReadOnlyList<RedemptionTally> ByGift,
    IReadOnlyList<RedemptionTally> ByTier,
    IReadOnlyList<RedemptionTally> ByStore,
    IReadOnlyList<ChannelSpend> ByChannel)
{
    public static RedemptionPreferences Over(IEnumerable<TenantDay> days, DateRange range)
    {
        var inRange = PointsFlow.In(days, range).ToList();
        var redemptions = inRange.SelectMany(d => d.Redemptions).ToList();
        var channels = Enum.GetValues<SpendChannel>().Select(c => (Channel: c, Points: inRange.Sum(d => d.SpentByChannel.GetValueOrDefault(c)))).ToList();
        var total = channels.Sum(c => c.Points);
        return new RedemptionPreferences(
            range,
            Tally(redemptions, r => r.GiftId),
            Tally(redemptions, r => r.Tier),
            Tally(redemptions, r => r.StoreId ?? Dormancy.NoStore),
            [.. channels.Select(c => new ChannelSpend(c.Channel, c.Points, new Ratio(c.Points, total)))]);
    }

    private static List<RedemptionTally> Tally(IEnumerable<GiftRedemptionTally> redemptions, Func<GiftRedemptionTally, string> key) =>
        [.. redemptions.GroupBy(key, StringComparer.Ordinal)
            .Select(g => new RedemptionTally(g.Key, g.Sum(r => r.Count), g.Sum(r => r.Points)))
            .OrderByDescending(t => t.Count).ThenByDescending(t => t.Points).ThenBy(t => t.Key, StringComparer.Ordinal)];
}
