using CsCheck;
using Loyalty.Core.Earning;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;

namespace Loyalty.Core.Tests.Earning;

public sealed class EarningPropertyTests
{
    private static readonly string[] Categories = ["food", "beauty", "giftcard", "tobacco", "new"];

    private static readonly string[] Tiers = ["normal", "silver", "gold", "diamond"];

    private static readonly Gen<PurchaseLine> LineGen = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 4].Select(i => Categories[i]), Gen.Int[1, 5], Gen.Int[0, 100_000], (sku, c, q, fen) => new PurchaseLine($"sku{sku}", c, q, fen / 100m));

    private static readonly Gen<Campaign> CampaignGen = Gen.Select(Gen.Int[1, 5], Gen.Long[0, 50], Gen.Long[0, 200], Gen.Bool, (m, bonus, cap, byCategory) =>
        new Campaign { Id = $"c{m}{bonus}{cap}", Multiplier = m, BonusPoints = bonus, MaxBonusPerOrder = cap, Categories = byCategory ? ["new"] : [] });

    private static readonly Gen<ProgramRules> RulesGen = Gen.Select(
        Gen.Int[0, 5], Gen.Int[1, 20], Gen.Bool, CampaignGen.List[0, 3], Gen.Enum<CampaignStacking>(), Gen.Long[0, 500],
        (points, per, ladder, campaigns, stacking, cap) => new ProgramRules
        {
            Earning = new EarningRules
            {
                BaseRatePoints = points,
                BaseRatePer = per,
                Ladder = ladder ? [new LadderStep(100, 10), new LadderStep(300, 40)] : [],
                CategoryMultipliers = new Dictionary<string, decimal> { ["beauty"] = 2 },
                ExcludedCategories = ["giftcard", "tobacco"],
                Campaigns = [.. campaigns.DistinctBy(c => c.Id)],
                CampaignStacking = stacking,
                MaxPointsPerOrder = cap,
            },
        });

    [Fact]
    public void Random_baskets_never_earn_negative_points_and_excluded_lines_never_earn()
    {
        Gen.Select(LineGen.List[0, 8], Gen.Int[0, 100], RulesGen, Gen.Int[0, 3].Select(i => Tiers[i]), Gen.Bool).Sample((lines, cashPercent, rules, tier, birthday) =>
        {
            var total = lines.Sum(l => l.Amount);
            var purchase = new Purchase("o", "m", "s", lines, Math.Round(total * cashPercent / 100m, 2), 100, DateTimeOffset.UnixEpoch.AddDays(20000));
            var breakdown = EarningCalculator.Calculate(purchase, rules, new EarningContext(tier, birthday));

            Assert.True(breakdown.Points >= 0);
            Assert.All(breakdown.Lines.Where(l => l.Category is "giftcard" or "tobacco"), l => Assert.True(l.Excluded && l.BasePoints == 0));
            if (lines.All(l => l.Category is "giftcard" or "tobacco"))
            {
                Assert.Equal(0, breakdown.Points);
            }

            Assert.True(rules.Earning.MaxPointsPerOrder == 0 || breakdown.Points <= rules.Earning.MaxPointsPerOrder);
        });
    }
}
