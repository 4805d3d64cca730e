using Loyalty.Core.Events;
using Loyalty.Core.Insights;
using Loyalty.Core.Insights.Projections;
using Loyalty.Core.Programs;
using Loyalty.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Functions.Tests.Reports;

/// <summary>The projections against Azurite, fed by real ledger operations through the outbox and the event feed.</summary>
public sealed class ProjectionTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private async Task<(TenantKeys Tenant, ProjectionHistory History)> OpenAsync()
    {
        var tenant = await host.NewTenantAsync();
        await host.SaveRulesAsync(tenant.TenantId, ProjectionHistory.Rules);
        return (tenant, new ProjectionHistory(host, tenant));
    }

    [Fact]
    public async Task A_purchase_a_gift_spend_and_an_expiry_land_in_the_member_row_and_the_day_rows()
    {
        var (tenant, history) = await OpenAsync();
        await history.RegisterAsync("m-1");
        await history.PurchaseAsync("m-1", 120m);
        Assert.True(await history.SpendAsync("m-1", 50));
        await history.ProjectAsync();
        host.Time.Advance(TimeSpan.FromDays(40));
        await history.ExpireAsync("m-1");
        await history.ProjectAsync();

        var member = (await history.Store.GetMembersAsync(tenant.TenantId, ["m-1"], CancellationToken.None))["m-1"];
        var days = await history.Store.ListDaysAsync(tenant.TenantId, new DateRange(new DateOnly(2000, 1, 1), new DateOnly(2100, 1, 1)), CancellationToken.None);
        Assert.Equal((1, 120m, 0L), (member.Activity.PurchaseCount, member.Activity.Spend, member.Activity.Balance));
        Assert.Equal(120L, days.Sum(PointsFlow.Earned));
        Assert.Equal(50L, days.Sum(PointsFlow.Redeemed));
        Assert.Equal(70L, days.Sum(PointsFlow.Expired));
        Assert.Equal((1, 1, 120m), (days.Sum(d => d.NewMembers), days.Sum(d => d.MemberSales.Orders), days.Sum(d => d.MemberSales.Amount)));
    }

    [Fact]
    public async Task Running_the_projector_again_over_the_same_feed_counts_nothing_twice()
    {
        var (tenant, history) = await OpenAsync();
        await history.RegisterAsync("m-1");
        await history.PurchaseAsync("m-1", 80m);
        await history.ProjectAsync();
        var once = await history.SnapshotAsync();

        await history.ProjectAsync();
        var cursor = await history.Store.GetCursorAsync(tenant.TenantId, CancellationToken.None);

        Assert.Equal(once, await history.SnapshotAsync());
        Assert.Null(cursor!.Pending);
    }

    [Fact]
    public async Task A_projector_that_crashed_after_the_rows_and_before_the_cursor_reapplies_the_batch_as_a_no_op()
    {
        var (tenant, history) = await OpenAsync();
        await history.RegisterAsync("m-1");
        await history.RegisterAsync("m-2");
        await history.PurchaseAsync("m-1", 100m);
        await history.PurchaseAsync("m-2", 30m);
        host.Time.Advance(TimeSpan.FromSeconds(6));
        var crashing = new CursorCommitCrash(history.Store);
        var projector = new InsightsProjector(host.Services.GetRequiredService<IEventFeed>(), crashing, host.Services.GetRequiredService<ProgramService>());

        await Assert.ThrowsAsync<IOException>(() => projector.ProjectAsync(tenant.TenantId, 5, CancellationToken.None));
        var pending = await history.Store.GetCursorAsync(tenant.TenantId, CancellationToken.None);
        await history.ProjectAsync();

        Assert.NotNull(pending!.Pending);
        var days = await history.Store.ListDaysAsync(tenant.TenantId, new DateRange(new DateOnly(2000, 1, 1), new DateOnly(2100, 1, 1)), CancellationToken.None);
        Assert.Equal((2, 2, 130m), (days.Sum(d => d.NewMembers), days.Sum(d => d.MemberSales.Orders), days.Sum(d => d.MemberSales.Amount)));
        var members = await history.Store.GetMembersAsync(tenant.TenantId, ["m-1", "m-2"], CancellationToken.None);
        Assert.Equal((1, 1), (members["m-1"].Activity.PurchaseCount, members["m-2"].Activity.PurchaseCount));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(1601)]
    public async Task A_rebuild_from_the_ledger_equals_the_incremental_projection_of_a_random_history(int seed)
    {
        var (_, history) = await OpenAsync();
        var random = new Random(seed);
        string[] members = ["m-a", "m-b", "m-c", "m-d"];
        foreach (var member in members)
        {
            await history.RegisterAsync(member);
        }

        var reached = new HashSet<string>();
        for (var step = 0; step < 40; step++)
        {
            var member = members[random.Next(members.Length)];
            switch (random.Next(10))
            {
                case < 4:
                    await history.PurchaseAsync(member, random.Next(5, 400));
                    reached.Add("purchase");
                    break;
                case < 6:
                    if (await history.SpendAsync(member, random.Next(10, 150)))
                    {
                        reached.Add("spend");
                    }

                    break;
                case 6:
                    if (await history.RefundAsync(random))
                    {
                        reached.Add("refund");
                    }

                    break;
                case 7:
                    await history.AdjustAsync(member, random.Next(-30, 60));
                    break;
                default:
                    host.Time.Advance(TimeSpan.FromDays(random.Next(3, 20)));
                    await history.ExpireAsync(member);
                    reached.Add("expiry");
                    break;
            }

            if (random.Next(4) == 0)
            {
                await history.ProjectAsync();
            }
        }

        // A month on, whatever is left of the history's points has lapsed.
        host.Time.Advance(TimeSpan.FromDays(40));
        foreach (var member in members)
        {
            await history.ExpireAsync(member);
        }

        await history.ProjectAsync();
        var incremental = await history.SnapshotAsync();
        var rebuilt = await history.RebuildAsync();
        var fromLedger = await history.SnapshotAsync();

        Assert.Equal(200, rebuilt.Status);
        Assert.Equal(members.Length, rebuilt.Json["members"]!.GetValue<int>());
        Assert.Superset(new HashSet<string> { "purchase", "spend", "refund", "expiry" }, reached);
        Assert.Contains("\"expire\"", incremental, StringComparison.Ordinal);
        Assert.Equal(incremental, fromLedger);
    }

    [Fact]
    public async Task Events_committed_after_a_rebuild_are_applied_once_on_top_of_it()
    {
        var (tenant, history) = await OpenAsync();
        await history.RegisterAsync("m-1");
        await history.PurchaseAsync("m-1", 50m);
        Assert.Equal(200, (await history.RebuildAsync()).Status);
        await history.PurchaseAsync("m-1", 70m);
        await history.ProjectAsync();
        await history.ProjectAsync();

        var member = (await history.Store.GetMembersAsync(tenant.TenantId, ["m-1"], CancellationToken.None))["m-1"];
        Assert.Equal((2, 120m), (member.Activity.PurchaseCount, member.Activity.Spend));
        Assert.Equal((await host.MemberAsync(tenant.Pos, "m-1")).Json["balance"]!.GetValue<long>(), member.Activity.Balance);
    }
}

/// <summary>The store, except that the cursor write that would finish the first batch fails, as a crash right before it would.</summary>
internal sealed class CursorCommitCrash(IInsightsStore inner) : IInsightsStore
{
    public Task<ProjectorCursor?> GetCursorAsync(string tenantId, CancellationToken cancellationToken) => inner.GetCursorAsync(tenantId, cancellationToken);

    public Task<bool> TrySaveCursorAsync(string tenantId, ProjectorCursor cursor, CancellationToken cancellationToken) =>
        cursor.Pending is null && cursor.Batch > 0 ? throw new IOException("crashed before the cursor moved") : inner.TrySaveCursorAsync(tenantId, cursor, cancellationToken);

    public Task<IReadOnlyDictionary<string, MemberActivityRow>> GetMembersAsync(string tenantId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken) =>
        inner.GetMembersAsync(tenantId, memberIds, cancellationToken);

    public Task<bool> TrySaveMemberAsync(string tenantId, MemberActivityRow row, CancellationToken cancellationToken) => inner.TrySaveMemberAsync(tenantId, row, cancellationToken);

    public Task<IReadOnlyDictionary<DateOnly, TenantDayRow>> GetDaysAsync(string tenantId, IReadOnlyCollection<DateOnly> dates, CancellationToken cancellationToken) =>
        inner.GetDaysAsync(tenantId, dates, cancellationToken);

    public Task<bool> TrySaveDayAsync(string tenantId, TenantDayRow row, CancellationToken cancellationToken) => inner.TrySaveDayAsync(tenantId, row, cancellationToken);

    public Task<IReadOnlyList<TenantDay>> ListDaysAsync(string tenantId, DateRange range, CancellationToken cancellationToken) => inner.ListDaysAsync(tenantId, range, cancellationToken);

    public IAsyncEnumerable<MemberActivity> ListMembersAsync(string tenantId, CancellationToken cancellationToken) => inner.ListMembersAsync(tenantId, cancellationToken);

    public Task ReplaceAsync(string tenantId, IReadOnlyList<MemberActivityRow> members, IReadOnlyList<TenantDayRow> days, ProjectorCursor cursor, CancellationToken cancellationToken) =>
        inner.ReplaceAsync(tenantId, members, days, cursor, cancellationToken);
}
