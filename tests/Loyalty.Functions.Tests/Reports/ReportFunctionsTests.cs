using Loyalty.Core.Common;
using Loyalty.Functions.Reports;
using Loyalty.Functions.Tests.Support;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Reports;

/// <summary>GET /api/v1/reports/liability and /points-flow/totals: admins of the tenant, local dates of its zone, figures from the projections of real ledger operations.</summary>
public sealed class ReportFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private Task<Response> LiabilityAsync(string key, string query) =>
        CallAsync(Request("GET", "/api/v1/reports/liability" + query, apiKey: key), r => host.Function<ReportFunctions>().Liability(r, CancellationToken.None));

    private Task<Response> FlowTotalsAsync(string key, string query) =>
        CallAsync(Request("GET", "/api/v1/reports/points-flow/totals" + query, apiKey: key), r => host.Function<ReportFunctions>().FlowTotals(r, CancellationToken.None));

    /// <summary>m-1 buys for 120 yuan (120 points), spends 50 on a gift; m-2 buys for 30 (30 points); a month later m-1's 70 left expire.</summary>
    private async Task<(TenantKeys Tenant, string Range, DateOnly Today, DateOnly ExpiredOn)> HistoryAsync()
    {
        var tenant = await host.NewTenantAsync();
        await host.SaveRulesAsync(tenant.TenantId, ProjectionHistory.Rules);
        var history = new ProjectionHistory(host, tenant);
        var zone = ProjectionHistory.Rules.Zone();
        var today = TenantClock.LocalDate(host.Time.GetUtcNow(), zone);
        await history.RegisterAsync("m-1");
        await history.RegisterAsync("m-2");
        await history.PurchaseAsync("m-1", 120m);
        await history.PurchaseAsync("m-2", 30m);
        Assert.True(await history.SpendAsync("m-1", 50));
        host.Time.Advance(TimeSpan.FromDays(40));
        await history.ExpireAsync("m-1");
        await history.ProjectAsync();
        var expiredOn = TenantClock.LocalDate(host.Time.GetUtcNow(), zone);
        return (tenant, $"?from={today.AddDays(-1):yyyy-MM-dd}&to={expiredOn.AddDays(1):yyyy-MM-dd}", today, expiredOn);
    }

    [Fact]
    public async Task The_liability_report_shows_what_is_owed_now_and_the_flows_and_rates_of_the_range()
    {
        var (tenant, range, _, _) = await HistoryAsync();

        var report = await LiabilityAsync(tenant.Admin, range);

        Assert.True(report.Status == 200, report.Text);
        var outstanding = report.Json["outstanding"]!;
        Assert.Equal((2, 1, 30L), (outstanding["members"]!.GetValue<int>(), outstanding["membersWithPoints"]!.GetValue<int>(), outstanding["outstandingPoints"]!.GetValue<long>()));
        Assert.Equal(0.30m, outstanding["cashValue"]!.GetValue<decimal>());
        Assert.Equal((150L, 50L, 70L), (report.Json["earned"]!.GetValue<long>(), report.Json["redeemed"]!.GetValue<long>(), report.Json["expired"]!.GetValue<long>()));
        Assert.Equal(0.3333m, report.Json["redemptionRate"]!["value"]!.GetValue<decimal>());
        Assert.Equal(0.4667m, report.Json["breakageRate"]!["value"]!.GetValue<decimal>());
        Assert.Equal(0.4167m, report.Json["settledRedemptionRate"]!["value"]!.GetValue<decimal>());
        var months = report.Json["months"]!.AsArray();
        Assert.Equal(150L, months.Sum(m => m!["earned"]!.GetValue<long>()));
        Assert.Equal(70L, months.Sum(m => m!["expired"]!.GetValue<long>()));
    }

    [Fact]
    public async Task The_flow_totals_have_a_row_for_every_day_of_the_range_and_the_signed_totals_by_type()
    {
        var (tenant, range, today, expiredOn) = await HistoryAsync();

        var totals = await FlowTotalsAsync(tenant.Admin, range);

        Assert.True(totals.Status == 200, totals.Text);
        var daily = totals.Json["daily"]!.AsArray();
        Assert.Equal(expiredOn.DayNumber - today.DayNumber + 3, daily.Count);
        Assert.Equal(today.AddDays(-1).ToString("yyyy-MM-dd"), daily[0]!["start"]!.GetValue<string>());
        Assert.Equal((150L, 50L), (daily.Sum(d => d!["earned"]!.GetValue<long>()), daily.Sum(d => d!["redeemed"]!.GetValue<long>())));
        Assert.Equal((150L, -50L), (daily.Sum(d => d!["byType"]!["earn"]?.GetValue<long>() ?? 0), daily.Sum(d => d!["byType"]!["spend"]?.GetValue<long>() ?? 0)));
        Assert.Equal(-70L, daily.Single(d => d!["start"]!.GetValue<string>() == expiredOn.ToString("yyyy-MM-dd"))!["byType"]!["expire"]!.GetValue<long>());
        Assert.Equal(150L, totals.Json["monthly"]!.AsArray().Sum(m => m!["earned"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Only_an_admin_reads_reports_and_another_tenants_admin_sees_none_of_these_figures()
    {
        var (tenant, range, _, _) = await HistoryAsync();
        var other = await host.NewTenantAsync();

        var pos = await LiabilityAsync(tenant.Pos, range);
        var storefront = await FlowTotalsAsync(tenant.Storefront, range);
        var otherLiability = await LiabilityAsync(other.Admin, range);
        var otherFlow = await FlowTotalsAsync(other.Admin, range);

        Assert.Equal((403, 403), (pos.Status, storefront.Status));
        Assert.Equal((200, 0L, 0L), (otherLiability.Status, otherLiability.Json["earned"]!.GetValue<long>(), otherLiability.Json["outstanding"]!["outstandingPoints"]!.GetValue<long>()));
        Assert.All(otherFlow.Json["daily"]!.AsArray(), d => Assert.Equal(0L, d!["earned"]!.GetValue<long>()));
    }

    [Theory]
    [InlineData("", "from", "invalid-query")]
    [InlineData("?from=2026-01-01", "to", "invalid-query")]
    [InlineData("?from=2026-13-01&to=2026-12-31", "from", "invalid-query")]
    [InlineData("?from=2026-01-01T00:00:00Z&to=2026-12-31", "from", "invalid-query")]
    [InlineData("?from=2026-02-01&to=2026-01-31", "to", "invalid-range")]
    [InlineData("?from=2020-01-01&to=2026-12-31", "to", "invalid-range")]
    [InlineData("?from=2026-01-01&to=2026-01-31&store=s-1", "store", "invalid-query")]
    public async Task A_bad_range_is_a_400_problem_naming_the_field(string query, string field, string code)
    {
        var tenant = await host.NewTenantAsync();

        foreach (var response in new[] { await LiabilityAsync(tenant.Admin, query), await FlowTotalsAsync(tenant.Admin, query) })
        {
            Assert.Equal((400, code), (response.Status, response.Code));
            Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
            Assert.Equal(field, response.Json["errors"]![0]!["field"]!.GetValue<string>());
        }
    }
}
