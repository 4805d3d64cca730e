using System.Net.Http.Json;
using Loyalty.EndToEnd.Tests.Hosting;

namespace Loyalty.EndToEnd.Tests.Api;

public sealed class AuthTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData(null, "api-key-required")]
    [InlineData("lfk_not-a-real-key", "api-key-invalid")]
    [InlineData("garbage", "api-key-invalid")]
    public async Task Missing_or_unknown_key_is_401(string? key, string code)
    {
        var caller = new ApiClient(fixture.Client, key);

        using var response = await caller.GetAsync("api/v1/members/anyone");

        Assert.Equal(code, (await Json.ReadAsync(response, 401))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pos_key_cannot_manage_keys()
    {
        var tenant = await fixture.CreateTenantAsync("shop");
        var pos = new ApiClient(fixture.Client, tenant.PosKey);

        using var response = await pos.PostAsync("api/v1/keys", new { scope = "admin", name = "escalate" });

        Assert.Equal("scope-not-allowed", (await Json.ReadAsync(response, 403))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revoked_key_stops_working()
    {
        var tenant = await fixture.CreateTenantAsync("shop");
        var admin = new ApiClient(fixture.Client, tenant.AdminKey);
        using var issued = await admin.PostAsync("api/v1/keys", new { scope = "pos", name = "till 2" });
        var key = await Json.ReadAsync(issued, 201);
        var till = new ApiClient(fixture.Client, key["secret"]!.GetValue<string>());
        using var before = await till.GetAsync("api/v1/program");
        await Json.ReadAsync(before, 200);

        using var revoked = await admin.SendAsync(HttpMethod.Delete, $"api/v1/keys/{key["keyId"]!.GetValue<string>()}", null);
        using var after = await till.GetAsync("api/v1/program");

        Assert.Equal(204, (int)revoked.StatusCode);
        Assert.Equal("api-key-invalid", (await Json.ReadAsync(after, 401))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tenant_bootstrap_needs_the_configured_secret()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/admin/tenants") { Content = JsonContent.Create(new { tenantId = "intruder", name = "x" }) };
        request.Headers.Add("X-Bootstrap-Secret", "wrong-secret-but-long-enough");

        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal("bootstrap-secret-invalid", (await Json.ReadAsync(response, 401))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tenants_key_never_reaches_another_tenants_data()
    {
        var a = await fixture.CreateTenantAsync("tenant-a");
        var b = await fixture.CreateTenantAsync("tenant-b");
        var posA = new ApiClient(fixture.Client, a.PosKey);
        var posB = new ApiClient(fixture.Client, b.PosKey);
        var adminB = new ApiClient(fixture.Client, b.AdminKey);
        var memberId = Orders.NewId("m");
        using var registered = await posA.PostAsync("api/v1/members", Orders.Member(memberId));
        await Json.ReadAsync(registered, 201);
        var orderId = Orders.NewId("o");
        using var submitted = await posA.PostAsync("api/v1/purchases", Orders.Purchase(orderId, memberId));
        await Json.ReadAsync(submitted, 202);

        using var member = await posB.GetAsync($"api/v1/members/{memberId}");
        using var ledger = await posB.GetAsync($"api/v1/members/{memberId}/ledger");
        using var purchase = await posB.GetAsync($"api/v1/purchases/{orderId}");
        using var adjust = await adminB.PostAsync($"api/v1/members/{memberId}/adjustments", new { delta = 1000, reason = "steal" }, "cross-1");
        using var purchaseForA = await posB.PostAsync("api/v1/purchases", Orders.Purchase(Orders.NewId("o"), memberId));

        await Json.ReadAsync(member, 404);
        await Json.ReadAsync(ledger, 404);
        await Json.ReadAsync(purchase, 404);
        await Json.ReadAsync(adjust, 404);
        await Json.ReadAsync(purchaseForA, 404);
        using var stillA = await posA.GetAsync($"api/v1/members/{memberId}");
        Assert.Equal(memberId, (await Json.ReadAsync(stillA, 200))["memberId"]!.GetValue<string>());
    }
}
