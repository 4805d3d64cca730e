using Loyalty.Core.Programs;

namespace Loyalty.Core.Insights.Projections;

/// <summary>The report use cases: each reads projection rows only (the day rows of the range, or the member rows), never the ledger.</summary>
public sealed class InsightsReports(IInsightsStore store, ProgramService programs)
{
    public async Task<LiabilityReport> LiabilityAsync(string tenantId, DateRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        var rules = (await programs.GetAsync(tenantId, cancellationToken)).Rules;
        var members = new List<MemberActivity>();
        await foreach (var member in store.ListMembersAsync(tenantId, cancellationToken))
        {
            members.Add(member);
        }

        var days = await store.ListDaysAsync(tenantId, range, cancellationToken);
        var rates = RedemptionRates.Over(days, range);
        return new LiabilityReport(
            range.From,
            range.To,
            LiabilityCalculator.Compute(members, rules.Cash.PointsPerYuan),
            [.. PointsFlowTotals.Monthly(days, range).Select(m => new MonthlyFlow(m.Start, m.Earned, m.Redeemed, m.Expired))],
            rates.Earned,
            rates.Redeemed,
            rates.Expired,
            rates.RedemptionRate,
            rates.BreakageRate,
            rates.SettledRedemptionRate);
    }

    public async Task<PointsFlowTotalsReport> FlowTotalsAsync(string tenantId, DateRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        var days = await store.ListDaysAsync(tenantId, range, cancellationToken);
        return new PointsFlowTotalsReport(range.From, range.To, PointsFlowTotals.Daily(days, range), PointsFlowTotals.Monthly(days, range));
    }
}

/// <summary>
/// Outstanding points now and what they are worth, and the range's flows: earned, redeemed and expired per month and in
/// total, with the redemption rate (核销率 = redeemed / earned), breakage rate (expired / earned) and settled redemption
/// rate (redeemed / (redeemed + expired)) — see <see cref="RedemptionRates"/>.
/// </summary>
public sealed record LiabilityReport(
    DateOnly From,
    DateOnly To,
    Liability Outstanding,
    IReadOnlyList<MonthlyFlow> Months,
    long Earned,
    long Redeemed,
    long Expired,
    Ratio RedemptionRate,
    Ratio BreakageRate,
    Ratio SettledRedemptionRate);

/// <summary>Points earned, redeemed and expired in one month (<see cref="Month"/> is its 1st; a month the range cuts counts only its days inside).</summary>
public sealed record MonthlyFlow(DateOnly Month, long Earned, long Redeemed, long Expired);

/// <summary>The points flow of a range for charts: one row per day and one per month, zeros included, with the signed totals by entry type.</summary>
public sealed record PointsFlowTotalsReport(DateOnly From, DateOnly To, IReadOnlyList<FlowTotal> Daily, IReadOnlyList<FlowTotal> Monthly);
