using Loyalty.Functions.Gifts;
using Loyalty.Functions.Tests.Support;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Gifts;

public sealed class GiftFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private static readonly string[] InsecureImages = ["http://insecure.example.com/x.png"];

    private static readonly string[] UnknownTiers = ["platinum"];

    private static readonly string[] FirstCodes = ["AAAA-1111", "BBBB-2222", "CCCC-3333"];

    private static readonly string[] OverlappingCodes = ["CCCC-3333", "DDDD-4444"];

    private static readonly string[] OtherCodes = ["EEEE-5555"];

    private static readonly string[] BadCodes = ["x", "has space"];

    private static readonly string[] RepeatedCodes = ["FFFF-6666", "FFFF-6666"];

    private GiftFunctions Gifts => host.Function<GiftFunctions>();

    private static readonly object Coupon = new
    {
        name = "Coffee coupon",
        kind = "coupon",
        pointsPrice = 100,
        images = new[] { "https://img.example.com/coffee.png" },
        coupon = new { amountOff = 5, validDays = 30 },
    };

    private Task<Response> PutAsync(string key, string giftId, object body) =>
        CallAsync(Request("PUT", $"/api/v1/gifts/{giftId}", body, key), r => Gifts.Put(r, giftId, CancellationToken.None));

    private Task<Response> GetAsync(string key, string giftId) =>
        CallAsync(Request("GET", $"/api/v1/gifts/{giftId}", apiKey: key), r => Gifts.Get(r, giftId, CancellationToken.None));

    private Task<Response> ListAsync(string key, string query = "") =>
        CallAsync(Request("GET", $"/api/v1/gifts{query}", apiKey: key), r => Gifts.List(r, CancellationToken.None));

    private Task<Response> StockAsync(string key, string giftId, object body, string? idempotencyKey = "k-1") =>
        CallAsync(
            Request("POST", $"/api/v1/gifts/{giftId}/stock", body, key, idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey }),
            r => Gifts.AdjustStock(r, giftId, CancellationToken.None));

    private Task<Response> CodesAsync(string key, string giftId, object body, string idempotencyKey) =>
        CallAsync(
            Request("POST", $"/api/v1/gifts/{giftId}/codes", body, key, new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey }),
            r => Gifts.LoadCodes(r, giftId, CancellationToken.None));

    [Fact]
    public async Task Admins_create_then_redefine_a_gift_and_every_key_reads_it_with_its_stock()
    {
        var tenant = await host.NewTenantAsync();

        var created = await PutAsync(tenant.Admin, "coffee", Coupon);
        await StockAsync(tenant.Admin, "coffee", new { delta = 7 });
        var updated = await PutAsync(tenant.Admin, "coffee", new { name = "Big coffee coupon", kind = "coupon", pointsPrice = 150, coupon = new { percentOff = 20, validDays = 7 } });
        var read = await GetAsync(tenant.Pos, "coffee");

        Assert.Equal(201, created.Status);
        Assert.Equal("/api/v1/gifts/coffee", created.Headers.Location.ToString());
        Assert.Equal(200, updated.Status);
        Assert.Equal("Big coffee coupon", read.Json["name"]!.GetValue<string>());
        Assert.Equal(150, read.Json["pointsPrice"]!.GetValue<long>());
        Assert.Equal(7, read.Json["stock"]!.GetValue<long>());
        Assert.Equal(20, read.Json["coupon"]!["percentOff"]!.GetValue<int>());
    }

    [Fact]
    public async Task Only_admins_write_the_catalog()
    {
        var tenant = await host.NewTenantAsync();

        var byPos = await PutAsync(tenant.Pos, "coffee", Coupon);
        var byStorefront = await StockAsync(tenant.Storefront, "coffee", new { delta = 1 });
        var noKey = await CallAsync(Request("GET", "/api/v1/gifts"), r => Gifts.List(r, CancellationToken.None));

        Assert.Equal(403, byPos.Status);
        Assert.Equal(403, byStorefront.Status);
        Assert.Equal(401, noKey.Status);
    }

    [Fact]
    public async Task Invalid_definitions_name_every_field_at_fault()
    {
        var tenant = await host.NewTenantAsync();

        var invalid = await PutAsync(tenant.Admin, "bad gift!", new
        {
            name = "",
            kind = "coupon",
            pointsPrice = 0,
            images = InsecureImages,
            eligibleTiers = UnknownTiers,
            coupon = new { amountOff = 5, percentOff = 10, validDays = 0 },
        });
        var unknownKind = await PutAsync(tenant.Admin, "g", new { name = "x", kind = "spaceship", pointsPrice = 1 });
        var kindChange = await PutAsync(tenant.Admin, "g1", Coupon);
        var changed = await PutAsync(tenant.Admin, "g1", new { name = "x", kind = "physical", pointsPrice = 1 });
        var earlyWithoutOpening = await PutAsync(tenant.Admin, "g2", new { name = "x", kind = "physical", pointsPrice = 1, earlyAccess = new[] { new { tier = "diamond", opensAt = DateTimeOffset.UtcNow } } });

        Assert.Equal(422, invalid.Status);
        Assert.Equal(
            ["giftId", "name", "images", "pointsPrice", "eligibleTiers", "coupon", "coupon.validDays"],
            invalid.Json["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
        Assert.Equal(400, unknownKind.Status);
        Assert.Equal(201, kindChange.Status);
        Assert.Equal(422, changed.Status);
        Assert.Equal(422, earlyWithoutOpening.Status);
        Assert.Equal("opensAt", earlyWithoutOpening.Json["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stock_adjustments_apply_once_per_idempotency_key_and_never_below_zero()
    {
        var tenant = await host.NewTenantAsync();
        await PutAsync(tenant.Admin, "mug", new { name = "Mug", kind = "physical", pointsPrice = 500 });

        await StockAsync(tenant.Admin, "mug", new { delta = 5 }, "restock-1");
        var replay = await StockAsync(tenant.Admin, "mug", new { delta = 5 }, "restock-1");
        var tooMany = await StockAsync(tenant.Admin, "mug", new { delta = -6 }, "remove-1");
        var zero = await StockAsync(tenant.Admin, "mug", new { delta = 0 }, "zero");
        var noKey = await StockAsync(tenant.Admin, "mug", new { delta = 1 }, idempotencyKey: null);
        var unknown = await StockAsync(tenant.Admin, "nothing", new { delta = 1 }, "k");

        Assert.Equal(5, replay.Json["stock"]!.GetValue<long>());
        Assert.Equal(422, tooMany.Status);
        Assert.Equal("stock-below-zero", tooMany.Code);
        Assert.Equal(422, zero.Status);
        Assert.Equal(400, noKey.Status);
        Assert.Equal(404, unknown.Status);
        Assert.Equal(5, (await GetAsync(tenant.Pos, "mug")).Json["stock"]!.GetValue<long>());
    }

    [Fact]
    public async Task Loading_codes_adds_stock_once_and_only_virtual_gifts_take_codes()
    {
        var tenant = await host.NewTenantAsync();
        await PutAsync(tenant.Admin, "topup", new { name = "Top-up", kind = "virtual", pointsPrice = 50 });
        await PutAsync(tenant.Admin, "mug", new { name = "Mug", kind = "physical", pointsPrice = 500 });

        var loaded = await CodesAsync(tenant.Admin, "topup", new { codes = FirstCodes }, "load-1");
        var retried = await CodesAsync(tenant.Admin, "topup", new { codes = FirstCodes }, "load-1");
        var overlapping = await CodesAsync(tenant.Admin, "topup", new { codes = OverlappingCodes }, "load-2");
        var notVirtual = await CodesAsync(tenant.Admin, "mug", new { codes = OtherCodes }, "load-3");
        var badCodes = await CodesAsync(tenant.Admin, "topup", new { codes = BadCodes }, "load-4");
        var duplicates = await CodesAsync(tenant.Admin, "topup", new { codes = RepeatedCodes }, "load-5");

        Assert.Equal(3, loaded.Json["added"]!.GetValue<int>());
        Assert.Equal(3, retried.Json["stock"]!.GetValue<long>());
        Assert.Equal(1, overlapping.Json["added"]!.GetValue<int>());
        Assert.Equal(4, overlapping.Json["stock"]!.GetValue<long>());
        Assert.Equal(422, notVirtual.Status);
        Assert.Equal("gift-not-virtual", notVirtual.Code);
        Assert.Equal(422, badCodes.Status);
        Assert.Equal(422, duplicates.Status);
    }

    [Fact]
    public async Task Hidden_and_inactive_gifts_are_listed_only_for_admins_and_lists_page()
    {
        var tenant = await host.NewTenantAsync();
        var now = host.Time.GetUtcNow();
        await PutAsync(tenant.Admin, "a-visible", new { name = "Visible", kind = "physical", pointsPrice = 1 });
        await PutAsync(tenant.Admin, "b-later", new { name = "Later", kind = "physical", pointsPrice = 1, visibleFrom = now.AddDays(1) });
        await PutAsync(tenant.Admin, "c-inactive", new { name = "Off", kind = "physical", pointsPrice = 1, active = false });
        await PutAsync(tenant.Admin, "d-ended", new { name = "Ended", kind = "physical", pointsPrice = 1, visibleFrom = now.AddDays(-2), visibleUntil = now.AddDays(-1) });

        var forPos = await ListAsync(tenant.Pos);
        var forAdmin = await ListAsync(tenant.Admin);
        var firstPage = await ListAsync(tenant.Admin, "?pageSize=2");
        var secondPage = await ListAsync(tenant.Admin, $"?pageSize=2&continuationToken={firstPage.Json["continuationToken"]!.GetValue<string>()}");
        var otherTenant = await ListAsync((await host.NewTenantAsync()).Admin);

        Assert.Equal(["a-visible"], forPos.Json["gifts"]!.AsArray().Select(g => g!["giftId"]!.GetValue<string>()));
        Assert.Equal(4, forAdmin.Json["gifts"]!.AsArray().Count);
        Assert.Equal(["a-visible", "b-later"], firstPage.Json["gifts"]!.AsArray().Select(g => g!["giftId"]!.GetValue<string>()));
        Assert.Equal(["c-inactive", "d-ended"], secondPage.Json["gifts"]!.AsArray().Select(g => g!["giftId"]!.GetValue<string>()));
        Assert.Empty(otherTenant.Json["gifts"]!.AsArray());
    }

    [Fact]
    public async Task Bad_paging_input_and_unknown_gifts_are_client_errors()
    {
        var tenant = await host.NewTenantAsync();

        var badSize = await ListAsync(tenant.Pos, "?pageSize=0");
        var notANumber = await ListAsync(tenant.Pos, "?pageSize=ten");
        var badToken = await ListAsync(tenant.Pos, "?continuationToken=%%%");
        var unknown = await GetAsync(tenant.Pos, "nothing-here");
        var malformedId = await GetAsync(tenant.Pos, "bad id!");
        var notJson = await PutAsync(tenant.Admin, "g", "{not json");

        Assert.Equal(400, badSize.Status);
        Assert.Equal(400, notANumber.Status);
        Assert.Equal(400, badToken.Status);
        Assert.Equal(404, unknown.Status);
        Assert.Equal(404, malformedId.Status);
        Assert.Equal(400, notJson.Status);
    }
}
