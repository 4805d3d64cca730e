using Loyalty.Functions.Pos;
using Loyalty.Functions.Tests.Support;
using static Loyalty.Functions.Tests.Support.Api;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Pos;

public sealed class PosFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private static readonly string[] Tobacco = ["tobacco"];

    private static readonly object[] Basket = [new { sku = "tea", category = "drinks", quantity = 2, unitPrice = 50.00m }];

    private PosFunctions Pos => host.Function<PosFunctions>();

    private Task<Response> QuoteAsync(string key, object body) =>
        CallAsync(Request("POST", "/api/v1/pos/quotes", body, key), r => Pos.Quote(r, CancellationToken.None));

    private Task<Response> HoldAsync(string key, object body, string? idempotencyKey) =>
        CallAsync(Request("POST", "/api/v1/pos/holds", body, key, idempotencyKey is null ? null : Key(idempotencyKey)), r => Pos.Hold(r, CancellationToken.None));

    private Task<Response> CaptureAsync(string key, string holdId) =>
        CallAsync(Request("POST", $"/api/v1/pos/holds/{holdId}/capture", apiKey: key), r => Pos.Capture(r, holdId, CancellationToken.None));

    private Task<Response> ReleaseAsync(string key, string holdId) =>
        CallAsync(Request("DELETE", $"/api/v1/pos/holds/{holdId}", apiKey: key), r => Pos.Release(r, holdId, CancellationToken.None));

    private Task<Response> GetAsync(string key, string holdId) =>
        CallAsync(Request("GET", $"/api/v1/pos/holds/{holdId}", apiKey: key), r => Pos.Get(r, holdId, CancellationToken.None));

    [Fact]
    public async Task A_quote_caps_points_at_the_order_share_and_shows_the_cash_part_and_what_it_earns()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 20_000);

        var quote = await QuoteAsync(tenant.Pos, new { memberId = member, lines = Basket });

        Assert.Equal(200, quote.Status);
        Assert.Equal((5000L, 50m, 50m, 50L), (quote.Json["maxPoints"]!.GetValue<long>(), quote.Json["maxCashValue"]!.GetValue<decimal>(), quote.Json["cashToPay"]!.GetValue<decimal>(), quote.Json["pointsEarnedOnCash"]!.GetValue<long>()));
        Assert.Equal("order-cap", quote.Json["limit"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tier_discounts_member_prices_and_exclusions_come_from_the_program()
    {
        var tenant = await host.NewTenantAsync();
        await PutProgramAsync(host, tenant, new { cash = new { maxShareOfOrder = 1, excludedCategories = Tobacco, memberPrices = new Dictionary<string, decimal> { ["drinks"] = 0.8m } } });
        var member = await MemberWithPointsAsync(host, tenant, 100_000);

        var quote = await QuoteAsync(tenant.Pos, new { memberId = member, lines = new object[] { Basket[0], new { sku = "cig", category = "tobacco", quantity = 1, unitPrice = 30m } } });

        Assert.Equal((130m, 110m, 80m, 8000L), (quote.Json["listTotal"]!.GetValue<decimal>(), quote.Json["total"]!.GetValue<decimal>(), quote.Json["eligibleAmount"]!.GetValue<decimal>(), quote.Json["maxPoints"]!.GetValue<long>()));
        Assert.Equal("member-price", quote.Json["lines"]![0]!["pricing"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hold_then_capture_spends_the_points_on_the_order_and_a_second_capture_answers_the_same()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 10_000);

        var hold = await HoldAsync(tenant.Pos, new { memberId = member, orderId = "order-1", points = 3000, lines = Basket }, "h-1");
        var holdId = hold.Json["holdId"]!.GetValue<string>();
        var during = await MemberAsync(host, tenant, member);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var captured = await CaptureAsync(tenant.Pos, holdId);
        var again = await CaptureAsync(tenant.Pos, holdId);
        var release = await ReleaseAsync(tenant.Pos, holdId);
        var after = await MemberAsync(host, tenant, member);

        Assert.Equal(201, hold.Status);
        Assert.Equal((30m, "active"), (hold.Json["cashValue"]!.GetValue<decimal>(), hold.Json["status"]!.GetValue<string>()));
        Assert.Equal((10_000L, 7000L, 3000L), (during.Json["balance"]!.GetValue<long>(), during.Json["available"]!.GetValue<long>(), during.Json["held"]!.GetValue<long>()));
        Assert.Equal((200, "captured"), (captured.Status, captured.Json["status"]!.GetValue<string>()));
        Assert.Equal(captured.Json["entryId"]!.GetValue<string>(), again.Json["entryId"]!.GetValue<string>());
        Assert.Equal((409, "hold-captured"), (release.Status, release.Code));
        Assert.Equal((7000L, 7000L, 0L), (after.Json["balance"]!.GetValue<long>(), after.Json["available"]!.GetValue<long>(), after.Json["held"]!.GetValue<long>()));
        Assert.Equal(["adjust", "hold", "spend"], await LedgerTypesAsync(host, tenant, member));
    }

    [Fact]
    public async Task A_released_hold_gives_the_points_back_and_cannot_be_captured()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 1000);
        var hold = await HoldAsync(tenant.Pos, new { memberId = member, orderId = "order-2", points = 800, lines = Basket }, "h-2");
        var holdId = hold.Json["holdId"]!.GetValue<string>();

        var released = await ReleaseAsync(tenant.Pos, holdId);
        var twice = await ReleaseAsync(tenant.Pos, holdId);
        var capture = await CaptureAsync(tenant.Pos, holdId);

        Assert.Equal((200, "released"), (released.Status, released.Json["status"]!.GetValue<string>()));
        Assert.Equal(200, twice.Status);
        Assert.Equal((409, "hold-released"), (capture.Status, capture.Code));
        Assert.Equal(1000, (await MemberAsync(host, tenant, member)).Json["available"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_hold_times_out_without_any_job_and_then_cannot_be_captured()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 1000);
        var hold = await HoldAsync(tenant.Pos, new { memberId = member, orderId = "order-3", points = 500, lines = Basket }, "h-3");
        var holdId = hold.Json["holdId"]!.GetValue<string>();

        host.Time.Advance(TimeSpan.FromMinutes(16));
        var seen = await GetAsync(tenant.Pos, holdId);
        var available = (await MemberAsync(host, tenant, member)).Json["available"]!.GetValue<long>();
        var capture = await CaptureAsync(tenant.Pos, holdId);

        Assert.Equal(("released", "timed-out"), (seen.Json["status"]!.GetValue<string>(), seen.Json["closedReason"]!.GetValue<string>()));
        Assert.Equal(1000, available);
        Assert.Equal((409, "hold-released"), (capture.Status, capture.Code));
    }

    [Fact]
    public async Task Holds_refuse_points_beyond_the_order_cap_the_balance_or_whole_fen()
    {
        var tenant = await host.NewTenantAsync();
        await PutProgramAsync(host, tenant, new { cash = new { pointsPerYuan = 1000, minPoints = 100 } });
        var member = await MemberWithPointsAsync(host, tenant, 60_000);

        var overCap = await HoldAsync(tenant.Pos, new { memberId = member, orderId = "o", points = 50_010, lines = Basket }, "a");
        var fraction = await HoldAsync(tenant.Pos, new { memberId = member, orderId = "o", points = 1005, lines = Basket }, "b");
        var belowMin = await HoldAsync(tenant.Pos, new { memberId = member, orderId = "o", points = 90, lines = Basket }, "c");
        var poor = await MemberWithPointsAsync(host, tenant, 100);
        var tooMany = await HoldAsync(tenant.Pos, new { memberId = poor, orderId = "o", points = 200, lines = Basket }, "d");

        Assert.Equal((422, "exceeds-order-cap"), (overCap.Status, overCap.Code));
        Assert.Equal((422, "points"), (fraction.Status, fraction.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((422, "min-points"), (belowMin.Status, belowMin.Json["errors"]![0]!["rule"]!.GetValue<string>()));
        Assert.Equal((422, "insufficient-points"), (tooMany.Status, tooMany.Code));
    }

    [Fact]
    public async Task Bad_requests_get_problem_documents_never_a_server_error()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 100);

        var noLines = await QuoteAsync(tenant.Pos, new { memberId = member });
        var badLine = await QuoteAsync(tenant.Pos, new { memberId = member, lines = new object[] { new { sku = "", quantity = 0, unitPrice = 1.001m } } });
        var unknownMember = await QuoteAsync(tenant.Pos, new { memberId = "nobody", lines = Basket });
        var byStorefront = await QuoteAsync(tenant.Storefront, new { memberId = member, lines = Basket });
        var noKey = await HoldAsync(tenant.Pos, new { memberId = member, orderId = "o", points = 10, lines = Basket }, null);
        var noPoints = await HoldAsync(tenant.Pos, new { memberId = member, orderId = "o", lines = Basket }, "x");
        var badJson = await HoldAsync(tenant.Pos, "{\"points\":\"ten\"}", "y");
        var unknownHold = await CaptureAsync(tenant.Pos, member + "~" + new string('0', 24));
        var garbageHold = await ReleaseAsync(tenant.Pos, "garbage");
        var otherTenant = await HoldAsync((await host.NewTenantAsync()).Pos, new { memberId = member, orderId = "o", points = 10, lines = Basket }, "z");

        Assert.Equal((422, "lines"), (noLines.Status, noLines.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal(["lines[0].sku", "lines[0].quantity", "lines[0].unitPrice"], badLine.Json["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
        Assert.Equal((404, "member-not-found"), (unknownMember.Status, unknownMember.Code));
        Assert.Equal(403, byStorefront.Status);
        Assert.Equal((400, "idempotency-key-required"), (noKey.Status, noKey.Code));
        Assert.Equal((422, "points"), (noPoints.Status, noPoints.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((400, "invalid-json"), (badJson.Status, badJson.Code));
        Assert.Equal((404, "hold-not-found"), (unknownHold.Status, unknownHold.Code));
        Assert.Equal((404, "hold-not-found"), (garbageHold.Status, garbageHold.Code));
        Assert.Equal((404, "member-not-found"), (otherTenant.Status, otherTenant.Code));
    }
}
