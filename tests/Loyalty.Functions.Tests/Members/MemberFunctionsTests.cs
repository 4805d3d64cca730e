using Loyalty.Functions.Members;
using Loyalty.Functions.Tests.Support;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Members;

public sealed class MemberFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private MemberFunctions Members => host.Function<MemberFunctions>();

    private Task<Response> RegisterAsync(string key, object body) =>
        CallAsync(Request("POST", "/api/v1/members", body, key), r => Members.Register(r, NoDurable.Client, CancellationToken.None));

    private Task<Response> GetAsync(string key, string id) =>
        CallAsync(Request("GET", $"/api/v1/members/{id}", apiKey: key), r => Members.Get(r, id, CancellationToken.None));

    private Task<Response> AdjustAsync(string key, string id, object body, string idempotencyKey) =>
        CallAsync(
            Request("POST", $"/api/v1/members/{id}/adjustments", body, key, new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey }),
            r => Members.Adjust(r, id, CancellationToken.None));

    [Fact]
    public async Task Register_creates_then_replays_then_refuses_different_details()
    {
        var tenant = await host.NewTenantAsync();

        var created = await RegisterAsync(tenant.Pos, new { memberId = "m-1", phone = "13812345678", name = "Li Lei" });
        var again = await RegisterAsync(tenant.Pos, new { memberId = "m-1", phone = "13812345678", name = "Li Lei" });
        var different = await RegisterAsync(tenant.Pos, new { memberId = "m-1", phone = "13812345678", name = "Han Meimei" });

        Assert.Equal(201, created.Status);
        Assert.Equal("/api/v1/members/m-1", created.Headers.Location.ToString());
        Assert.Equal("+86****5678", created.Json["phoneMasked"]!.GetValue<string>());
        Assert.Equal(200, again.Status);
        Assert.Equal(409, different.Status);
        Assert.Equal("member-exists", different.Code);
    }

    [Fact]
    public async Task A_phone_number_belongs_to_one_member_per_tenant()
    {
        var tenant = await host.NewTenantAsync();
        await RegisterAsync(tenant.Pos, new { memberId = "a", phone = "+8613900000001" });

        var taken = await RegisterAsync(tenant.Pos, new { memberId = "b", phone = "139-0000-0001" });
        var otherTenant = await RegisterAsync((await host.NewTenantAsync()).Pos, new { memberId = "b", phone = "13900000001" });

        Assert.Equal(409, taken.Status);
        Assert.Equal("phone-already-registered", taken.Code);
        Assert.Equal(201, otherTenant.Status);
    }

    [Fact]
    public async Task Invalid_fields_are_named_in_a_problem_document()
    {
        var tenant = await host.NewTenantAsync();

        var response = await RegisterAsync(tenant.Pos, new { memberId = "has space", phone = "12345" });

        Assert.Equal(422, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal(["memberId", "phone"], response.Json["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
        Assert.Equal("urn:loyalty:problem:validation-failed", response.Json["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_shows_balances_and_unknown_members_are_404()
    {
        var tenant = await host.NewTenantAsync();
        await RegisterAsync(tenant.Pos, new { memberId = "m-2" });
        await AdjustAsync(tenant.Admin, "m-2", new { delta = 120, reason = "welcome gift" }, "adj-1");

        var member = await GetAsync(tenant.Storefront, "m-2");
        var missing = await GetAsync(tenant.Storefront, "nobody");

        Assert.Equal(200, member.Status);
        Assert.Equal(120, member.Json["available"]!.GetValue<long>());
        Assert.Equal(120, member.Json["lifetimeEarned"]!.GetValue<long>());
        Assert.Equal("normal", member.Json["tier"]!.GetValue<string>());
        Assert.Equal(404, missing.Status);
        Assert.Equal("member-not-found", missing.Code);
    }

    [Fact]
    public async Task Adjustments_need_admin_a_reason_and_an_idempotency_key_and_replay_once()
    {
        var tenant = await host.NewTenantAsync();
        await RegisterAsync(tenant.Pos, new { memberId = "m-3" });

        var byPos = await AdjustAsync(tenant.Pos, "m-3", new { delta = 10, reason = "x" }, "k");
        var noReason = await AdjustAsync(tenant.Admin, "m-3", new { delta = 10 }, "k");
        var noKey = await CallAsync(Request("POST", "/api/v1/members/m-3/adjustments", new { delta = 10, reason = "x" }, tenant.Admin), r => Members.Adjust(r, "m-3", CancellationToken.None));
        var first = await AdjustAsync(tenant.Admin, "m-3", new { delta = 50, reason = "compensation" }, "k");
        var replay = await AdjustAsync(tenant.Admin, "m-3", new { delta = 50, reason = "compensation" }, "k");
        var overdraw = await AdjustAsync(tenant.Admin, "m-3", new { delta = -51, reason = "fix" }, "k2");

        Assert.Equal((403, "scope-not-allowed"), (byPos.Status, byPos.Code));
        Assert.Equal(422, noReason.Status);
        Assert.Equal("reason", noReason.Json["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal((400, "idempotency-key-required"), (noKey.Status, noKey.Code));
        Assert.Equal(201, first.Status);
        Assert.Equal(200, replay.Status);
        Assert.True(replay.Json["replayed"]!.GetValue<bool>());
        Assert.Equal(first.Json["entry"]!["entryId"]!.GetValue<string>(), replay.Json["entry"]!["entryId"]!.GetValue<string>());
        Assert.Equal((422, "insufficient-points"), (overdraw.Status, overdraw.Code));
        Assert.Equal(50, (await GetAsync(tenant.Pos, "m-3")).Json["available"]!.GetValue<long>());
    }

    [Fact]
    public async Task Ledger_filters_and_pages_with_a_continuation_token()
    {
        var tenant = await host.NewTenantAsync();
        await RegisterAsync(tenant.Pos, new { memberId = "m-4" });
        for (var i = 1; i <= 5; i++)
        {
            await AdjustAsync(tenant.Admin, "m-4", new { delta = i, reason = $"r{i}" }, $"k{i}");
            host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var entries = new List<long>();
        string? token = null;
        do
        {
            var query = "?type=adjust&pageSize=2" + (token is null ? string.Empty : $"&continuationToken={token}");
            var page = await CallAsync(Request("GET", "/api/v1/members/m-4/ledger" + query, apiKey: tenant.Pos), r => Members.Ledger(r, "m-4", CancellationToken.None));
            Assert.Equal(200, page.Status);
            entries.AddRange(page.Json["entries"]!.AsArray().Select(e => e!["delta"]!.GetValue<long>()));
            token = page.Json["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);

        Assert.Equal([5L, 4, 3, 2, 1], entries);
        var badType = await CallAsync(Request("GET", "/api/v1/members/m-4/ledger?type=bogus", apiKey: tenant.Pos), r => Members.Ledger(r, "m-4", CancellationToken.None));
        var badToken = await CallAsync(Request("GET", "/api/v1/members/m-4/ledger?continuationToken=@@", apiKey: tenant.Pos), r => Members.Ledger(r, "m-4", CancellationToken.None));
        Assert.Equal((400, "type"), (badType.Status, badType.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal(400, badToken.Status);
    }

    [Fact]
    public async Task Lots_show_what_expires_when()
    {
        var tenant = await host.NewTenantAsync();
        await RegisterAsync(tenant.Pos, new { memberId = "m-5" });
        await AdjustAsync(tenant.Admin, "m-5", new { delta = 30, reason = "gift" }, "k");

        var lots = await CallAsync(Request("GET", "/api/v1/members/m-5/lots", apiKey: tenant.Pos), r => Members.Lots(r, "m-5", CancellationToken.None));

        var lot = Assert.Single(lots.Json["lots"]!.AsArray());
        Assert.Equal(30, lot!["remaining"]!.GetValue<long>());
        Assert.True(lot["expiresAt"]!.GetValue<DateTimeOffset>() > host.Time.GetUtcNow().AddMonths(23));
    }
}
