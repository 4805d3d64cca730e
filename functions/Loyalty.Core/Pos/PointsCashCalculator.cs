using Loyalty.Core.Earning;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;

namespace Loyalty.Core.Pos;

/// <summary>
/// Prices a basket for a member and caps the points that may pay for it. Pure. Rules, in order:
/// each line gets the better of its category member price and the member's tier discount (they do not stack),
/// rounded half-up to the fen; points may pay at most <c>maxShareOfOrder</c> of the total and never for excluded
/// categories; the cash value of points floors to the fen and no point is charged for a fraction of a fen;
/// fewer than <c>minPoints</c> cannot be used; earning applies to the cash part only.
/// </summary>
public static class PointsCashCalculator
{
    public static PointsQuote Quote(string memberId, string tier, long available, IReadOnlyList<PurchaseLine> lines, ProgramRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(rules);
        var cash = rules.Cash;
        var excluded = new HashSet<string>(cash.ExcludedCategories, StringComparer.OrdinalIgnoreCase);
        var tierFactor = TierFactor(tier, rules);
        var quoted = lines.Select(l => Price(l, tierFactor, cash, excluded)).ToList();
        var listTotal = quoted.Sum(l => l.Amount);
        var total = quoted.Sum(l => l.PayableAmount);
        var eligible = quoted.Where(l => !l.PointsExcluded).Sum(l => l.PayableAmount);

        var capFen = (long)Math.Floor(Math.Min(eligible, total * cash.MaxShareOfOrder) * 100m);
        var points = Math.Min(Math.Max(available, 0), capFen * cash.PointsPerYuan / 100);
        var cashFen = CashFen(points, cash.PointsPerYuan);
        points = PointsForFen(cashFen, cash.PointsPerYuan);
        var limit = (cash.Enabled, points) switch
        {
            (false, _) => "points-as-cash-disabled",
            (_, 0) when capFen == 0 => "nothing-payable-with-points",
            (_, 0) => "no-available-points",
            _ when points < cash.MinPoints => "below-minimum-points",
            _ when points == Math.Max(available, 0) => "available-points",
            _ => "order-cap",
        };
        if (!cash.Enabled || points < cash.MinPoints)
        {
            (points, cashFen) = (0, 0);
        }

        var cashValue = cashFen / 100m;
        var cashToPay = total - cashValue;
        // The birthday bonus is not known at the till; the actual purchase may earn more than the quote shows.
        var earned = EarningCalculator.Calculate(new Purchase("quote", memberId, null, lines, cashToPay, points, now), rules, new EarningContext(tier, false)).Points;
        return new PointsQuote(memberId, tier, rules.Currency, quoted, listTotal, total, listTotal - total, eligible, available, cash.PointsPerYuan, cash.MinPoints, points, cashValue, cashToPay, earned, limit);
    }

    /// <summary>The cash value of <paramref name="points"/> in fen, floored.</summary>
    public static long CashFen(long points, long pointsPerYuan) => points * 100 / pointsPerYuan;

    /// <summary>The fewest points worth <paramref name="fen"/>.</summary>
    public static long PointsForFen(long fen, long pointsPerYuan) => ((fen * pointsPerYuan) + 99) / 100;

    /// <summary>True when no smaller number of points buys the same cash value (the member never pays for a fraction of a fen).</summary>
    public static bool IsWholeFen(long points, long pointsPerYuan) => PointsForFen(CashFen(points, pointsPerYuan), pointsPerYuan) == points;

    /// <summary>The cash section's tier discount when it names the tier, else the tier engine's discount rate.</summary>
    private static decimal TierFactor(string tier, ProgramRules rules) =>
        rules.Cash.TierDiscounts.TryGetValue(tier, out var factor)
            ? factor
            : 1m - (rules.Tiers?.Levels.FirstOrDefault(l => l.Name == tier)?.DiscountRate ?? 0m);

    private static QuotedLine Price(PurchaseLine line, decimal tierFactor, PointsCashRules cash, HashSet<string> excluded)
    {
        var amount = RoundFen(line.Amount);
        var memberFactor = line.Category is not null && cash.MemberPrices.TryGetValue(line.Category, out var m) ? m : 1m;
        var (factor, pricing) = memberFactor <= tierFactor
            ? (memberFactor, memberFactor < 1m ? "member-price" : "list")
            : (tierFactor, "tier-discount");
        return new QuotedLine(line.Sku, line.Category, amount, RoundFen(amount * factor), pricing, line.Category is not null && excluded.Contains(line.Category));
    }

    private static decimal RoundFen(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
