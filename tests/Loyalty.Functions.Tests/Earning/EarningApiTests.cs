using Loyalty.Core.Programs;
using Loyalty.Functions.Activities;
using Loyalty.Functions.Members;
using Loyalty.Functions.Programs;
using Loyalty.Functions.Purchases;
using Loyalty.Functions.Refunds;
using Loyalty.Functions.Tests.Support;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Earning;

/// <summary>Each earning rule through the public API against Azurite: purchase with rules, refunds, completion, tiers, activities.</summary>
public sealed class EarningApiTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private static readonly ProgramRules Rules = new()
    {
        Earning = new EarningRules
        {
            CategoryMultipliers = new Dictionary<string, decimal> { ["beauty"] = 2 },
            ExcludedCategories = ["giftcard"],
            Ladder = [new LadderStep(150, 30)],
            Campaigns = [new Campaign { Id = "always-double-new", Multiplier = 2, Categories = ["new"] }],
            Birthday = new BirthdayBenefit { Window = BirthdayWindow.Month, BonusPoints = 50 },
            ReturnWindowDays = 7,
        },
        Activities = new ActivityRules
        {
            SignUpBonus = 20,
            CheckIn = new CheckInRules { Points = 2 },
            Shares = new Dictionary<string, ShareRule> { ["wechat-moments"] = new(5, 1) },
            Tasks = [new TaskRule { TaskId = "survey-2026", Points = 40 }],
        },
        Tiers = new TierRules
        {
            Levels = [new TierLevel { Name = "normal", Threshold = 0 }, new TierLevel { Name = "silver", Threshold = 500, EarnMultiplier = 1.5m }],
        },
    };

    private async Task<TenantKeys> TenantAsync()
    {
        var tenant = await host.NewTenantAsync();
        await host.SaveRulesAsync(tenant.TenantId, Rules);
        return tenant;
    }

    private static object Order(string orderId, string memberId, bool complete = true, params object[] lines) => new
    {
        orderId,
        memberId,
        lines,
        cashPaid = lines.Sum(l => (decimal)l.GetType().GetProperty("unitPrice")!.GetValue(l)! * (int)l.GetType().GetProperty("quantity")!.GetValue(l)!),
        complete,
    };

    private static object Line(string sku, string category, int quantity, decimal unitPrice) => new { sku, category, quantity, unitPrice };

    private async Task<Response> PurchaseStatusAsync(string key, string orderId) =>
        await CallAsync(Request("GET", $"/api/v1/purchases/{orderId}", apiKey: key), r => host.Function<PurchaseFunctions>().Get(r, orderId, CancellationToken.None));

    [Fact]
    public async Task Sign_up_bonus_rules_engine_and_return_window_show_in_the_members_balance()
    {
        var tenant = await TenantAsync();
        var registered = await host.RegisterAsync(tenant.Pos, new { memberId = "m1" });
        await host.PurchaseAsync(tenant.Pos, Order("o1", "m1", true, Line("cream", "beauty", 1, 100), Line("card", "giftcard", 1, 500), Line("lipstick", "new", 1, 100)));
        await host.DrainQueueAsync();

        var order = await PurchaseStatusAsync(tenant.Pos, "o1");
        var member = await host.MemberAsync(tenant.Pos, "m1");

        Assert.Equal(20, registered.Json["available"]!.GetValue<long>());
        Assert.Equal(200 + 200 + 30, order.Json["points"]!.GetValue<long>());
        Assert.Equal(20, member.Json["available"]!.GetValue<long>());
        Assert.Equal(430, member.Json["pending"]!.GetValue<long>());
        host.Time.Advance(TimeSpan.FromDays(8));
        Assert.Equal(450, (await host.MemberAsync(tenant.Pos, "m1")).Json["available"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_member_day_campaign_applies_by_the_purchase_date_in_the_tenant_zone_and_is_named_on_the_entry()
    {
        var tenant = await host.NewTenantAsync();
        var day = TenantDay(host.Time.GetUtcNow().AddDays(-3));
        await host.SaveRulesAsync(tenant.TenantId, Rules with
        {
            Earning = Rules.Earning with { Campaigns = [new Campaign { Id = "member-day", Multiplier = 3, DaysOfMonth = [day.Day], MaxBonusPerOrder = 150 }] },
        });
        await host.RegisterAsync(tenant.Pos, new { memberId = "md" });
        var startOfDay = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        await host.PurchaseAsync(tenant.Pos, new { orderId = "before", memberId = "md", cashPaid = 100m, lines = new[] { Line("tea", "drinks", 1, 100) }, occurredAt = startOfDay.AddSeconds(-1) });
        await host.PurchaseAsync(tenant.Pos, new { orderId = "on", memberId = "md", cashPaid = 100m, lines = new[] { Line("tea", "drinks", 1, 100) }, occurredAt = startOfDay });
        await host.DrainQueueAsync();

        var ledger = await CallAsync(Request("GET", "/api/v1/members/md/ledger?type=earn", apiKey: tenant.Pos), r => host.Function<MemberFunctions>().Ledger(r, "md", CancellationToken.None));
        var byOrder = ledger.Json["entries"]!.AsArray().Where(e => e!["reference"] is not null).ToDictionary(e => e!["reference"]!.GetValue<string>(), e => e!);

        Assert.Equal(100, byOrder["before"]["delta"]!.GetValue<long>());
        Assert.Equal(250, byOrder["on"]["delta"]!.GetValue<long>());
        Assert.Equal("member-day:150", byOrder["on"]["details"]!["campaigns"]!.GetValue<string>());
    }

    private static DateOnly TenantDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime);

    [Fact]
    public async Task Crossing_a_tier_threshold_upgrades_at_once_and_the_next_order_earns_the_tier_multiplier()
    {
        var tenant = await TenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "m2" });
        await host.PurchaseAsync(tenant.Pos, Order("o2a", "m2", true, Line("tea", "drinks", 5, 100)));
        await host.DrainQueueAsync();
        await host.PurchaseAsync(tenant.Pos, Order("o2b", "m2", true, Line("tea", "drinks", 1, 100)));
        await host.DrainQueueAsync();

        var member = await host.MemberAsync(tenant.Pos, "m2");
        var history = await CallAsync(Request("GET", "/api/v1/members/m2/ledger?type=tier", apiKey: tenant.Pos), r => host.Function<MemberFunctions>().Ledger(r, "m2", CancellationToken.None));

        Assert.Equal("silver", member.Json["tier"]!.GetValue<string>());
        Assert.Equal(1.5m, member.Json["tierStatus"]!["benefits"]!["earnMultiplier"]!.GetValue<decimal>());
        Assert.Equal(150, (await PurchaseStatusAsync(tenant.Pos, "o2b")).Json["points"]!.GetValue<long>());
        Assert.Equal("silver", Assert.Single(history.Json["entries"]!.AsArray())!["reference"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refunds_claw_back_proportionally_create_debt_when_spent_and_refuse_unknown_orders()
    {
        var tenant = await TenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "m3" });
        await host.PurchaseAsync(tenant.Pos, new { orderId = "o3", memberId = "m3", lines = new[] { Line("tea", "drinks", 2, 50) }, cashPaid = 100m, occurredAt = host.Time.GetUtcNow().AddDays(-30) });
        await host.DrainQueueAsync();
        await CallAsync(Request("POST", "/api/v1/members/m3/adjustments", new { delta = -110, reason = "spent at the gift desk" }, tenant.Admin, new Dictionary<string, string> { ["Idempotency-Key"] = "spend" }), r => host.Function<MemberFunctions>().Adjust(r, "m3", CancellationToken.None));
        var refunds = host.Function<RefundFunctions>();

        var partial = await CallAsync(Request("POST", "/api/v1/refunds", new { refundId = "r1", orderId = "o3", lines = new[] { new { sku = "tea", quantity = 1 } } }, tenant.Pos), r => refunds.Submit(r, CancellationToken.None));
        var again = await CallAsync(Request("POST", "/api/v1/refunds", new { refundId = "r1", orderId = "o3", lines = new[] { new { sku = "tea", quantity = 1 } } }, tenant.Pos), r => refunds.Submit(r, CancellationToken.None));
        var tooMuch = await CallAsync(Request("POST", "/api/v1/refunds", new { refundId = "r2", orderId = "o3", amount = 50.01m }, tenant.Pos), r => refunds.Submit(r, CancellationToken.None));
        var unknown = await CallAsync(Request("POST", "/api/v1/refunds", new { refundId = "r3", orderId = "never", amount = 1m }, tenant.Pos), r => refunds.Submit(r, CancellationToken.None));
        Assert.Equal(2, await host.DrainQueueAsync());
        var status = await CallAsync(Request("GET", "/api/v1/refunds/r1", apiKey: tenant.Pos), r => refunds.Get(r, "r1", CancellationToken.None));
        var member = await host.MemberAsync(tenant.Pos, "m3");

        Assert.Equal(202, partial.Status);
        Assert.Equal(50, partial.Json["pointsToClawBack"]!.GetValue<long>());
        Assert.Equal(202, again.Status);
        Assert.Equal((422, "refund-exceeds-purchase"), (tooMuch.Status, tooMuch.Code));
        Assert.Equal((422, "order-not-found"), (unknown.Status, unknown.Code));
        Assert.Equal("processed", status.Json["status"]!.GetValue<string>());
        Assert.Equal(40, status.Json["debtCreated"]!.GetValue<long>());
        Assert.Equal(-40, member.Json["balance"]!.GetValue<long>());
        Assert.Equal(40, member.Json["debt"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_incomplete_order_stays_pending_until_completed_and_a_cancel_voids_it()
    {
        var tenant = await TenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "m4" });
        await host.PurchaseAsync(tenant.Pos, Order("o4a", "m4", false, Line("tea", "drinks", 1, 100)));
        await host.PurchaseAsync(tenant.Pos, Order("o4b", "m4", false, Line("tea", "drinks", 1, 60)));
        await host.DrainQueueAsync();
        var purchases = host.Function<PurchaseFunctions>();
        host.Time.Advance(TimeSpan.FromDays(30));

        var stillPending = await host.MemberAsync(tenant.Pos, "m4");
        var completed = await CallAsync(Request("POST", "/api/v1/purchases/o4a/complete", apiKey: tenant.Pos), r => purchases.Complete(r, "o4a", CancellationToken.None));
        var cancelled = await CallAsync(Request("POST", "/api/v1/purchases/o4b/cancel", apiKey: tenant.Pos), r => purchases.Cancel(r, "o4b", CancellationToken.None));
        var cancelCompleted = await CallAsync(Request("POST", "/api/v1/purchases/o4a/cancel", apiKey: tenant.Pos), r => purchases.Cancel(r, "o4a", CancellationToken.None));
        host.Time.Advance(TimeSpan.FromDays(8));
        var after = await host.MemberAsync(tenant.Pos, "m4");

        Assert.Equal((20L, 160L), (stillPending.Json["available"]!.GetValue<long>(), stillPending.Json["pending"]!.GetValue<long>()));
        Assert.Equal(200, completed.Status);
        Assert.Equal("cancelled", cancelled.Json["status"]!.GetValue<string>());
        Assert.Equal((409, "order-completed"), (cancelCompleted.Status, cancelCompleted.Code));
        Assert.Equal((120L, 0L), (after.Json["available"]!.GetValue<long>(), after.Json["pending"]!.GetValue<long>()));
    }

    /// <summary>Two orders in this year's birthday month, then one in next year's: the bonus comes back with the year, once.</summary>
    [Fact]
    public async Task Birthday_month_gives_the_bonus_once_a_year()
    {
        var tenant = await TenantAsync();
        var today = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime.AddHours(8));
        await host.RegisterAsync(tenant.Pos, new { memberId = "m5", birthday = new DateOnly(1990, today.Month, 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        await host.PurchaseAsync(tenant.Pos, Order("o5a", "m5", true, Line("tea", "drinks", 1, 10)));
        await host.PurchaseAsync(tenant.Pos, Order("o5b", "m5", true, Line("tea", "drinks", 1, 10)));
        await host.DrainQueueAsync();
        var thisYear = await PointsOfAsync(tenant, "o5a", "o5b");

        // The same day a year on: the birthday month again, in the next calendar year of the tenant's zone.
        host.Time.Advance(host.Time.GetUtcNow().AddYears(1) - host.Time.GetUtcNow());
        await host.PurchaseAsync(tenant.Pos, Order("o5c", "m5", true, Line("tea", "drinks", 1, 10)));
        await host.PurchaseAsync(tenant.Pos, Order("o5d", "m5", true, Line("tea", "drinks", 1, 10)));
        await host.DrainQueueAsync();
        var nextYear = await PointsOfAsync(tenant, "o5c", "o5d");

        Assert.Equal([10L, 60L], thisYear);
        Assert.Equal([10L, 60L], nextYear);
    }

    private async Task<List<long>> PointsOfAsync(TenantKeys tenant, params string[] orderIds)
    {
        var points = new List<long>();
        foreach (var orderId in orderIds)
        {
            points.Add((await PurchaseStatusAsync(tenant.Pos, orderId)).Json["points"]!.GetValue<long>());
        }

        return [.. points.Order()];
    }

    [Fact]
    public async Task Check_in_share_and_task_limits_answer_with_the_right_status_and_next_time()
    {
        var tenant = await TenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "m6" });
        var activities = host.Function<ActivityFunctions>();

        var checkIn = await CallAsync(Request("POST", "/api/v1/members/m6/check-ins", apiKey: tenant.Storefront), r => activities.CheckIn(r, "m6", CancellationToken.None));
        var secondCheckIn = await CallAsync(Request("POST", "/api/v1/members/m6/check-ins", apiKey: tenant.Storefront), r => activities.CheckIn(r, "m6", CancellationToken.None));
        var share = await CallAsync(Request("POST", "/api/v1/members/m6/shares", new { platform = "wechat-moments" }, tenant.Storefront), r => activities.Share(r, "m6", CancellationToken.None));
        var secondShare = await CallAsync(Request("POST", "/api/v1/members/m6/shares", new { platform = "wechat-moments" }, tenant.Storefront), r => activities.Share(r, "m6", CancellationToken.None));
        var task = await CallAsync(Request("POST", "/api/v1/members/m6/tasks/survey-2026/completions", apiKey: tenant.Storefront), r => activities.CompleteTask(r, "m6", "survey-2026", CancellationToken.None));
        var taskAgain = await CallAsync(Request("POST", "/api/v1/members/m6/tasks/survey-2026/completions", apiKey: tenant.Storefront), r => activities.CompleteTask(r, "m6", "survey-2026", CancellationToken.None));

        Assert.Equal((201, 2L), (checkIn.Status, checkIn.Json["entry"]!["delta"]!.GetValue<long>()));
        Assert.Equal((409, "already-checked-in"), (secondCheckIn.Status, secondCheckIn.Code));
        Assert.NotNull(secondCheckIn.Json["nextAllowedAt"]);
        Assert.False(string.IsNullOrEmpty(secondCheckIn.Headers.RetryAfter));
        Assert.Equal(201, share.Status);
        Assert.Equal((429, "share-limit-reached"), (secondShare.Status, secondShare.Code));
        Assert.Equal(201, task.Status);
        Assert.Equal((409, "task-already-completed"), (taskAgain.Status, taskAgain.Code));
        Assert.Equal(20 + 2 + 5 + 40, (await host.MemberAsync(tenant.Pos, "m6")).Json["available"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_retried_check_in_with_the_same_key_replays_instead_of_failing()
    {
        var tenant = await TenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "m7" });
        var activities = host.Function<ActivityFunctions>();
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "tap-1" };

        var first = await CallAsync(Request("POST", "/api/v1/members/m7/check-ins", apiKey: tenant.Storefront, headers: key), r => activities.CheckIn(r, "m7", CancellationToken.None));
        var retry = await CallAsync(Request("POST", "/api/v1/members/m7/check-ins", apiKey: tenant.Storefront, headers: key), r => activities.CheckIn(r, "m7", CancellationToken.None));

        Assert.Equal((201, 200), (first.Status, retry.Status));
        Assert.Equal(first.Json["entry"]!["entryId"]!.GetValue<string>(), retry.Json["entry"]!["entryId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Grants_credit_each_listed_member_once_and_report_unknown_ones()
    {
        var tenant = await TenantAsync();
        await host.RegisterAsync(tenant.Pos, new { memberId = "g1" });
        await host.RegisterAsync(tenant.Pos, new { memberId = "g2" });
        var activities = host.Function<ActivityFunctions>();
        var body = new { memberIds = new[] { "g1", "g2", "ghost" }, points = 88, reason = "Mid-autumn gift" };
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "mid-autumn-2026" };

        var first = await CallAsync(Request("POST", "/api/v1/grants", body, tenant.Admin, key), r => activities.Grant(r, CancellationToken.None));
        await CallAsync(Request("POST", "/api/v1/grants", body, tenant.Admin, key), r => activities.Grant(r, CancellationToken.None));
        var noReason = await CallAsync(Request("POST", "/api/v1/grants", new { memberIds = new[] { "g1" }, points = 1 }, tenant.Admin, key), r => activities.Grant(r, CancellationToken.None));

        Assert.Equal(["granted", "granted", "failed"], first.Json["results"]!.AsArray().Select(r => r!["status"]!.GetValue<string>()));
        Assert.Equal(20 + 88, (await host.MemberAsync(tenant.Pos, "g1")).Json["available"]!.GetValue<long>());
        Assert.Equal(422, noReason.Status);
    }

    [Fact]
    public async Task Preview_explains_a_basket_under_proposed_rules_without_writing_anything()
    {
        var tenant = await TenantAsync();
        var programs = host.Function<ProgramFunctions>();
        var proposed = new { earning = new { baseRatePoints = 1, baseRatePer = 1, campaigns = new[] { new { id = "triple", multiplier = 3 } } } };
        var before = await StorageSnapshot.TakeAsync(host);

        var current = await CallAsync(Request("POST", "/api/v1/program/preview", new { basket = new { lines = new[] { Line("cream", "beauty", 1, 100) }, cashPaid = 100m } }, tenant.Pos), r => programs.Preview(r, CancellationToken.None));
        var what_if = await CallAsync(Request("POST", "/api/v1/program/preview", new { basket = new { lines = new[] { Line("cream", "beauty", 1, 100) }, cashPaid = 100m }, rules = proposed }, tenant.Pos), r => programs.Preview(r, CancellationToken.None));
        var badRules = await CallAsync(Request("POST", "/api/v1/program/preview", new { basket = new { cashPaid = 1m }, rules = new Dictionary<string, string> { ["timeZone"] = "Moon/Base" } }, tenant.Pos), r => programs.Preview(r, CancellationToken.None));

        Assert.Equal(200, current.Json["points"]!.GetValue<long>());
        Assert.Contains("× 2", current.Json["lines"]![0]!["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(300, what_if.Json["points"]!.GetValue<long>());
        Assert.Equal((422, "rules.timeZone"), (badRules.Status, badRules.Json["errors"]![0]!["field"]!.GetValue<string>()));
        var after = await StorageSnapshot.TakeAsync(host);
        Assert.Empty(after.ChangedSince(before));
        Assert.Equal(before.QueuedMessages, after.QueuedMessages);
        Assert.Equal(1, (await CallAsync(Request("GET", "/api/v1/program", apiKey: tenant.Pos), r => programs.Get(r, CancellationToken.None))).Json["version"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("zh-CN", "积分获取")]
    [InlineData("en", "Earning points")]
    public async Task Terms_render_in_the_requested_language(string lang, string heading)
    {
        var tenant = await TenantAsync();

        var terms = await CallAsync(Request("GET", $"/api/v1/program/terms?lang={lang}", apiKey: tenant.Storefront), r => host.Function<ProgramFunctions>().Terms(r, CancellationToken.None));
        var unsupported = await CallAsync(Request("GET", "/api/v1/program/terms?lang=fr", apiKey: tenant.Storefront), r => host.Function<ProgramFunctions>().Terms(r, CancellationToken.None));

        Assert.Equal(heading, terms.Json["sections"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(400, unsupported.Status);
    }
}
