using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;

namespace Loyalty.Core.Earning;

/// <summary>
/// Points a purchase earns under a program. Pure: the same purchase, rules and member context always give the same
/// points. Only the cash-paid share of each line earns; excluded lines earn nothing and do not count for the ladder.
/// Order: line base × SKU/category multiplier → campaigns (stacked, each capped) → birthday and tier multipliers →
/// floor → ladder and birthday bonuses → per-order cap.
/// </summary>
public static class EarningCalculator
{
    private const string WholeOrderSku = "*";

    public static EarningBreakdown Calculate(Purchase purchase, ProgramRules rules, EarningContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        ArgumentNullException.ThrowIfNull(rules);
        context ??= EarningContext.Anonymous;
        var earning = rules.Earning;
        var localDate = TenantClock.LocalDate(purchase.OccurredAt, rules.Zone());
        var campaigns = earning.Campaigns.Where(c => c.IsActiveOn(localDate) && c.AppliesTo(purchase.StoreId, context.Tier)).ToList();
        var lines = purchase.Lines.Count > 0 ? purchase.Lines : [new PurchaseLine(WholeOrderSku, null, 1, purchase.CashPaid)];
        var total = lines.Sum(l => l.Amount);
        var cashRatio = total == 0 ? 0 : Math.Min(1m, purchase.CashPaid / total);

        var extraByCampaign = campaigns.ToDictionary(c => c.Id, _ => 0m);
        var covered = new HashSet<string>();
        var lineResults = new List<LineEarning>();
        var ruleValue = 0m;
        var qualifyingCash = 0m;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var cash = line.Amount * cashRatio;
            if (IsExcluded(line, earning))
            {
                lineResults.Add(new LineEarning(i, line.Sku, line.Category, line.Amount, cash, true, 0, 0, [], "excluded: earns no points"));
                continue;
            }

            qualifyingCash += cash;
            var basePoints = earning.BaseRatePer == 0 ? 0 : cash / earning.BaseRatePer * earning.BaseRatePoints;
            var multiplier = RuleMultiplier(line, earning);
            var value = basePoints * multiplier;
            ruleValue += value;
            var applied = ApplyCampaigns(line, value, campaigns, earning.CampaignStacking, extraByCampaign);
            if (cash > 0)
            {
                covered.UnionWith(campaigns.Where(c => c.CoversCategory(line.Category)).Select(c => c.Id));
            }

            lineResults.Add(new LineEarning(i, line.Sku, line.Category, line.Amount, cash, false, basePoints, multiplier, applied, Explain(cash, basePoints, multiplier, applied)));
        }

        // Flat bonuses need something that earns: an order of excluded goods only gets nothing at all.
        var campaignResults = campaigns.Where(c => covered.Contains(c.Id)).Select(c => CapCampaign(c, extraByCampaign[c.Id])).Where(c => c.Points > 0).ToList();
        var birthday = context.BirthdayApplies ? earning.Birthday : null;
        var birthdayMultiplier = birthday?.Multiplier ?? 1m;
        var tierMultiplier = rules.Tiers.Levels.FirstOrDefault(l => l.Name == context.Tier)?.EarnMultiplier ?? 1m;
        var multiplied = (ruleValue + campaignResults.Sum(c => c.Points)) * birthdayMultiplier * tierMultiplier;
        var ladder = earning.Ladder.Where(s => qualifyingCash >= s.MinAmount).OrderByDescending(s => s.MinAmount).FirstOrDefault()?.Points ?? 0;
        var birthdayBonus = qualifyingCash > 0 ? birthday?.BonusPoints ?? 0 : 0;
        var points = (long)Math.Floor(multiplied) + ladder + birthdayBonus;
        var capped = earning.MaxPointsPerOrder > 0 && points > earning.MaxPointsPerOrder;
        points = Math.Max(0, capped ? earning.MaxPointsPerOrder : points);
        return new EarningBreakdown(
            points,
            lineResults,
            campaignResults,
            ladder,
            tierMultiplier,
            birthdayBonus,
            birthdayMultiplier,
            capped,
            Summary(rules, purchase, campaignResults, ladder, tierMultiplier, context.Tier, birthday, capped));
    }

    private static bool IsExcluded(PurchaseLine line, EarningRules earning) =>
        earning.ExcludedSkus.Contains(line.Sku) || (line.Category is not null && earning.ExcludedCategories.Contains(line.Category));

    private static decimal RuleMultiplier(PurchaseLine line, EarningRules earning) =>
        earning.SkuMultipliers.TryGetValue(line.Sku, out var sku) ? sku
        : line.Category is not null && earning.CategoryMultipliers.TryGetValue(line.Category, out var category) ? category
        : 1m;

    /// <summary>Adds each applicable campaign's extra points for the line; returns the ids of the campaigns that counted.</summary>
    private static List<string> ApplyCampaigns(PurchaseLine line, decimal value, List<Campaign> campaigns, CampaignStacking stacking, Dictionary<string, decimal> extra)
    {
        var covering = campaigns.Where(c => c.CoversCategory(line.Category) && c.Multiplier > 1).ToList();
        if (covering.Count == 0)
        {
            return [];
        }

        if (stacking == CampaignStacking.Highest)
        {
            var best = covering.OrderByDescending(c => c.Multiplier).First();
            extra[best.Id] += value * (best.Multiplier - 1);
            return [best.Id];
        }

        var running = value;
        foreach (var campaign in covering)
        {
            var added = running * (campaign.Multiplier - 1);
            extra[campaign.Id] += added;
            running += added;
        }

        return [.. covering.Select(c => c.Id)];
    }

    private static CampaignEarning CapCampaign(Campaign campaign, decimal extra)
    {
        var points = (long)Math.Floor(extra) + campaign.BonusPoints;
        var capped = campaign.MaxBonusPerOrder > 0 && points > campaign.MaxBonusPerOrder;
        return new CampaignEarning(campaign.Id, campaign.Name, capped ? campaign.MaxBonusPerOrder : points, capped);
    }

    private static string Explain(decimal cash, decimal basePoints, decimal multiplier, List<string> campaigns) =>
        string.Create(CultureInfo.InvariantCulture, $"{cash:0.00} cash → {basePoints:0.##} base")
        + (multiplier != 1 ? string.Create(CultureInfo.InvariantCulture, $" × {multiplier:0.##}") : string.Empty)
        + (campaigns.Count > 0 ? $" + campaign {string.Join(", ", campaigns)}" : string.Empty);

    private static string Summary(ProgramRules rules, Purchase purchase, List<CampaignEarning> campaigns, long ladder, decimal tierMultiplier, string tier, BirthdayBenefit? birthday, bool capped)
    {
        var e = rules.Earning;
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{e.BaseRatePoints:0.####} point(s) per {e.BaseRatePer:0.##} {rules.Currency} on {purchase.CashPaid:0.00} paid in cash"),
        };
        parts.AddRange(campaigns.Select(c => $"campaign {c.CampaignId} +{c.Points}{(c.Capped ? " (capped)" : string.Empty)}"));
        if (birthday is not null)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"birthday ×{birthday.Multiplier:0.##} +{birthday.BonusPoints}"));
        }

        if (tierMultiplier != 1)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{tier} tier ×{tierMultiplier:0.##}"));
        }

        if (ladder > 0)
        {
            parts.Add($"ladder +{ladder}");
        }

        if (capped)
        {
            parts.Add($"capped at {e.MaxPointsPerOrder}");
        }

        return string.Join("; ", parts);
    }
}
