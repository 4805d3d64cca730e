using Loyalty.Core.Common;
using Loyalty.Core.Expiry;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Pos;
using Loyalty.Core.Programs;
using Loyalty.Functions.Expiry;
using Loyalty.Functions.Tests.Support;
using Microsoft.DurableTask.Client;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Expiry;

/// <summary>The clearing orchestration running for real in the in-process Durable host, against Azurite, driven through the admin API.</summary>
public sealed class ClearingOrchestrationTests(DurableFunctionsHost host) : IClassFixture<DurableFunctionsHost>
{
    private static readonly TimeZoneInfo Shanghai = TenantClock.FindZone("Asia/Shanghai");

    private ExpiryFunctions Functions => host.Function<ExpiryFunctions>();

    /// <summary>A local day two days ahead of the test clock: points given now can expire on it.</summary>
    private DateOnly SoonDay() => TenantClock.LocalDate(host.Time.GetUtcNow(), Shanghai).AddDays(2);

    private static DateTimeOffset EndOf(DateOnly day) => TenantClock.StartOfDay(day.AddDays(1), Shanghai);

    private async Task<MemberKey> MemberAsync(string tenantId, params (long Points, DateTimeOffset? ExpiresAt)[] credits)
    {
        var id = "m-" + Guid.NewGuid().ToString("N")[..10];
        Assert.True((await host.Get<MemberService>().RegisterAsync(tenantId, new RegisterMember(id, null, null), CancellationToken.None)).IsSuccess);
        var member = new MemberKey(tenantId, id);
        foreach (var (points, expiresAt) in credits)
        {
            var adjusted = await host.Get<AdjustmentService>().AdjustAsync(member, new Adjustment(points, "seed", null) { ExpiresAt = expiresAt }, Guid.NewGuid().ToString("N"), "test", CancellationToken.None);
            Assert.True(adjusted.IsSuccess, adjusted.Error?.Message);
        }

        return member;
    }

    private Task<Response> StartAsync(TenantKeys tenant, object? body) =>
        CallAsync(Request("POST", "/api/v1/admin/clearing-runs", body, tenant.Admin), r => Functions.Start(r, host.Client, CancellationToken.None));

    private Task<Response> GetAsync(TenantKeys tenant, string runId) =>
        CallAsync(Request("GET", $"/api/v1/admin/clearing-runs/{runId}", apiKey: tenant.Admin), r => Functions.Get(r, host.Client, runId, CancellationToken.None));

    private async Task<Response> ClearAsync(TenantKeys tenant, DateOnly day)
    {
        var started = await StartAsync(tenant, new { date = ClearingRunIds.RunId(day) });
        Assert.True(started.Status is 200 or 202, started.Text);
        await host.WaitAsync(ClearingRunIds.InstanceId(tenant.TenantId, day));
        return await GetAsync(tenant, ClearingRunIds.RunId(day));
    }

    private async Task<IReadOnlyList<LedgerEntry>> EntriesAsync(MemberKey member) =>
        (await host.Get<MemberService>().GetLedgerAsync(member, new LedgerQuery(PageSize: 100), CancellationToken.None)).Value!.Entries;

    private async Task<MemberSummary> SummaryAsync(MemberKey member) =>
        (await host.Get<MemberService>().GetAsync(member, CancellationToken.None)).Value!;

    private async Task<IReadOnlyList<ExpiryIndexEntry>> IndexAsync(string tenantId, DateOnly day) =>
        (await host.Get<IExpiryIndex>().PageAsync(tenantId, ExpiryWindow.ForDay(day, Shanghai), null, 1000, CancellationToken.None)).Entries;

    [Fact]
    public async Task A_run_expires_every_due_lot_with_an_entry_of_its_own_and_shows_its_progress()
    {
        var tenant = await host.NewTenantAsync();
        var day = SoonDay();
        var noon = TenantClock.StartOfDay(day, Shanghai).AddHours(12);
        var alice = await MemberAsync(tenant.TenantId, (100, null), (50, EndOf(day)), (30, noon));
        var bob = await MemberAsync(tenant.TenantId, (20, EndOf(day)));
        Assert.Equal(3, (await IndexAsync(tenant.TenantId, day)).Count);

        var tooEarly = await StartAsync(tenant, new { date = ClearingRunIds.RunId(day) });
        host.Time.SetUtcNow(EndOf(day).AddMinutes(5));
        var run = await ClearAsync(tenant, day);

        Assert.Equal((422, "date"), (tooEarly.Status, tooEarly.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal("completed", run.Json["status"]!.GetValue<string>());
        Assert.Equal("Completed", run.Json["runtimeStatus"]!.GetValue<string>());
        Assert.Equal((2, 2, 100L, 0), (run.Json["membersTotal"]!.GetValue<int>(), run.Json["membersDone"]!.GetValue<int>(), run.Json["pointsExpired"]!.GetValue<long>(), run.Json["failures"]!.GetValue<int>()));
        var expired = (await EntriesAsync(alice)).Where(e => e.Type == LedgerEntryType.Expire).OrderBy(e => e.Sequence).ToList();
        Assert.Equal([-30L, -50L], expired.Select(e => e.Delta));
        Assert.All(expired, e => Assert.Equal(ClearingRunIds.LedgerKey(day), e.IdempotencyKey));
        Assert.Equal((100L, 80L), ((await SummaryAsync(alice)).Balance, (await SummaryAsync(alice)).LifetimeExpired));
        Assert.Equal(0, (await SummaryAsync(bob)).Balance);
        Assert.Empty(await IndexAsync(tenant.TenantId, day));
    }

    [Fact]
    public async Task A_second_request_a_rerun_and_a_replayed_page_change_nothing()
    {
        var tenant = await host.NewTenantAsync();
        var day = SoonDay();
        var member = await MemberAsync(tenant.TenantId, (40, EndOf(day)), (10, null));
        var rows = await IndexAsync(tenant.TenantId, day);
        host.Time.SetUtcNow(EndOf(day).AddMinutes(5));
        await ClearAsync(tenant, day);
        var entries = await EntriesAsync(member);

        var again = await StartAsync(tenant, new { date = ClearingRunIds.RunId(day) });
        var rerun = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ClearingOrchestrator), new ClearingInput(tenant.TenantId, day));
        await host.WaitAsync(rerun);
        var replayed = await host.Get<ClearingService>().ClearAsync(tenant.TenantId, day, rows, CancellationToken.None);

        Assert.Equal(200, again.Status);
        Assert.Equal(40, again.Json["pointsExpired"]!.GetValue<long>());
        Assert.Equal((1, 0L), (replayed.Members, replayed.PointsExpired));
        Assert.Equal(entries.Select(e => e.EntryId), (await EntriesAsync(member)).Select(e => e.EntryId));
        Assert.Equal(10, (await SummaryAsync(member)).Balance);
    }

    [Fact]
    public async Task A_member_changed_while_being_cleared_is_retried_and_loses_only_the_expired_points()
    {
        var tenant = await host.NewTenantAsync();
        var day = SoonDay();
        var member = await MemberAsync(tenant.TenantId, (60, EndOf(day)), (100, null));
        var rows = await IndexAsync(tenant.TenantId, day);
        host.Time.SetUtcNow(EndOf(day).AddMinutes(5));
        var adjustments = host.Get<AdjustmentService>();

        var clearing = host.Get<ClearingService>().ClearAsync(tenant.TenantId, day, rows, CancellationToken.None);
        var writes = Enumerable.Range(1, 6).Select(i => adjustments.AdjustAsync(member, new Adjustment(-5, "spend while clearing", null), $"c-{i}", "test", CancellationToken.None));
        var results = await Task.WhenAll(writes);
        var cleared = await clearing;

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Message));
        Assert.Equal((1, 0), (cleared.Members, cleared.Failures));
        var summary = await SummaryAsync(member);
        Assert.Equal((70L, 60L), (summary.Balance, summary.LifetimeExpired));
        Assert.Equal(-60, (await EntriesAsync(member)).Where(e => e.Type == LedgerEntryType.Expire).Sum(e => e.Delta));
    }

    [Fact]
    public async Task Points_held_by_an_open_pos_hold_are_kept_and_the_rest_expires()
    {
        var tenant = await host.NewTenantAsync();
        await host.Get<ProgramService>().SaveAsync(tenant.TenantId, new ProgramRules { Cash = new PointsCashRules { HoldTimeoutMinutes = 1440 } }, null, "test", CancellationToken.None);
        var day = SoonDay();
        var member = await MemberAsync(tenant.TenantId, (80, EndOf(day)));
        host.Time.SetUtcNow(EndOf(day).AddMinutes(-30));
        var hold = await host.Get<HoldService>().HoldAsync(tenant.TenantId, new HoldRequest(member.MemberId, "o-held", 30, [new BasketLine("tea", "drinks", 1, 100m)]), "hold-1", CancellationToken.None);
        Assert.True(hold.IsSuccess, hold.Error?.Message);
        host.Time.SetUtcNow(EndOf(day).AddMinutes(60));

        var run = await ClearAsync(tenant, day);

        Assert.Equal(50, run.Json["pointsExpired"]!.GetValue<long>());
        var summary = await SummaryAsync(member);
        Assert.Equal((30L, 30L, 0L), (summary.Balance, summary.Held, summary.Available));
        Assert.True((await host.Get<HoldService>().CaptureAsync(tenant.TenantId, hold.Value.HoldId, CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public async Task An_unknown_run_is_not_found_and_a_date_too_far_back_is_refused()
    {
        var tenant = await host.NewTenantAsync();

        var missing = await GetAsync(tenant, "2001-01-01");
        var garbage = await GetAsync(tenant, "yesterday");
        var ancient = await StartAsync(tenant, new { date = "2001-01-01" });

        Assert.Equal((404, "clearing-run-not-found"), (missing.Status, missing.Code));
        Assert.Equal(404, garbage.Status);
        Assert.Equal((422, "minimum"), (ancient.Status, ancient.Json["errors"]![0]!["rule"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_forecast_shows_the_points_the_lots_still_hold_per_day_and_per_month()
    {
        var tenant = await host.NewTenantAsync();
        var day = SoonDay();
        var a = await MemberAsync(tenant.TenantId, (70, EndOf(day)));
        await MemberAsync(tenant.TenantId, (5, EndOf(day)), (9, EndOf(day.AddDays(1))));
        Assert.True((await host.Get<AdjustmentService>().AdjustAsync(a, new Adjustment(-20, "spent", null), "spend-a", "test", CancellationToken.None)).IsSuccess);

        var path = $"/api/v1/admin/expiry-forecast?from={ClearingRunIds.RunId(day)}&days=2";
        var byDay = await CallAsync(Request("GET", path, apiKey: tenant.Admin), r => Functions.Forecast(r, CancellationToken.None));
        var byMonth = await CallAsync(Request("GET", path + "&by=month", apiKey: tenant.Admin), r => Functions.Forecast(r, CancellationToken.None));
        var tooLong = await CallAsync(Request("GET", "/api/v1/admin/expiry-forecast?days=367", apiKey: tenant.Admin), r => Functions.Forecast(r, CancellationToken.None));

        Assert.Equal(200, byDay.Status);
        var periods = byDay.Json["periods"]!.AsArray().Select(p => (p!["period"]!.GetValue<string>(), p["points"]!.GetValue<long>(), p["members"]!.GetValue<int>())).ToList();
        Assert.Equal([(ClearingRunIds.RunId(day), 55L, 2), (ClearingRunIds.RunId(day.AddDays(1)), 9L, 1)], periods);
        Assert.Equal(64, byMonth.Json["totalPoints"]!.GetValue<long>());
        Assert.All(byMonth.Json["periods"]!.AsArray(), p => Assert.Matches("^[0-9]{4}-[0-9]{2}$", p!["period"]!.GetValue<string>()));
        Assert.Equal((422, "days"), (tooLong.Status, tooLong.Json["errors"]![0]!["field"]!.GetValue<string>()));
    }
}
