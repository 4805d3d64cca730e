using Loyalty.Functions.Members;
using Loyalty.Functions.Purchases;
using Loyalty.Functions.Tests.Support;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Tenants;

/// <summary>Keys: missing, invalid and revoked keys, who may revoke one, and a member id both tenants use. Every route against another tenant: <see cref="EveryRouteIsolationTests"/>.</summary>
public sealed class TenantIsolationTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    [Fact]
    public async Task A_member_id_only_another_tenant_registered_is_404_on_member_reads_adjustments_and_purchases_and_keeps_its_zero_balance()
    {
        var a = await host.NewTenantAsync();
        var b = await host.NewTenantAsync();
        var members = host.Function<MemberFunctions>();
        var purchases = host.Function<PurchaseFunctions>();
        await CallAsync(Request("POST", "/api/v1/members", new { memberId = "shared-id" }, b.Pos), r => members.Register(r, NoDurable.Client, CancellationToken.None));
        var orderBody = new { orderId = "b-order", memberId = "shared-id", cashPaid = 100m, lines = new[] { new { sku = "s", quantity = 1, unitPrice = 100m } } };
        await CallAsync(Request("POST", "/api/v1/purchases", orderBody, b.Pos), r => purchases.Submit(r, CancellationToken.None));
        var idem = new Dictionary<string, string> { ["Idempotency-Key"] = "cross" };

        var attempts = new[]
        {
            await CallAsync(Request("GET", "/api/v1/members/shared-id", apiKey: a.Admin), r => members.Get(r, "shared-id", CancellationToken.None)),
            await CallAsync(Request("GET", "/api/v1/members/shared-id/ledger", apiKey: a.Admin), r => members.Ledger(r, "shared-id", CancellationToken.None)),
            await CallAsync(Request("GET", "/api/v1/members/shared-id/lots", apiKey: a.Admin), r => members.Lots(r, "shared-id", CancellationToken.None)),
            await CallAsync(Request("POST", "/api/v1/members/shared-id/adjustments", new { delta = 1000, reason = "steal" }, a.Admin, idem), r => members.Adjust(r, "shared-id", CancellationToken.None)),
            await CallAsync(Request("POST", "/api/v1/purchases", orderBody with { orderId = "a-order" }, a.Pos), r => purchases.Submit(r, CancellationToken.None)),
            await CallAsync(Request("GET", "/api/v1/purchases/b-order", apiKey: a.Admin), r => purchases.Get(r, "b-order", CancellationToken.None)),
        };

        Assert.All(attempts, r => Assert.Equal(404, r.Status));
        var own = await CallAsync(Request("GET", "/api/v1/members/shared-id", apiKey: b.Pos), r => members.Get(r, "shared-id", CancellationToken.None));
        Assert.Equal(0, own.Json["lifetimeEarned"]!.GetValue<long>());
        Assert.Equal(0, own.Json["balance"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(null, 401, "api-key-required")]
    [InlineData("lfk_not-a-real-key", 401, "api-key-invalid")]
    [InlineData("garbage", 401, "api-key-invalid")]
    public async Task Requests_without_a_valid_key_are_401(string? key, int status, string code)
    {
        var members = host.Function<MemberFunctions>();

        var response = await CallAsync(Request("GET", "/api/v1/members/x", apiKey: key), r => members.Get(r, "x", CancellationToken.None));

        Assert.Equal((status, code), (response.Status, response.Code));
    }

    [Fact]
    public async Task A_revoked_key_stops_working()
    {
        var tenant = await host.NewTenantAsync();
        var keys = host.Function<Functions.Tenants.TenantFunctions>();
        var created = await CallAsync(Request("POST", "/api/v1/keys", new { scope = "pos", name = "till 3" }, tenant.Admin), r => keys.CreateKey(r, CancellationToken.None));
        var secret = created.Json["secret"]!.GetValue<string>();
        var keyId = created.Json["keyId"]!.GetValue<string>();
        var members = host.Function<MemberFunctions>();

        var before = await CallAsync(Request("GET", "/api/v1/members/x", apiKey: secret), r => members.Get(r, "x", CancellationToken.None));
        var revoke = await CallAsync(Request("DELETE", $"/api/v1/keys/{keyId}", apiKey: tenant.Admin), r => keys.RevokeKey(r, keyId, CancellationToken.None));
        var after = await CallAsync(Request("GET", "/api/v1/members/x", apiKey: secret), r => members.Get(r, "x", CancellationToken.None));
        var list = await CallAsync(Request("GET", "/api/v1/keys", apiKey: tenant.Admin), r => keys.ListKeys(r, CancellationToken.None));

        Assert.Equal(404, before.Status);
        Assert.Equal(204, revoke.Status);
        Assert.Equal(401, after.Status);
        Assert.DoesNotContain("secret", list.Json.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(list.Json["keys"]!.AsArray(), k => k!["keyId"]!.GetValue<string>() == keyId && k["revokedAt"] is not null);
    }
    [Fact]
    public async Task Another_tenants_admin_key_or_a_non_admin_key_cannot_revoke_a_key_and_it_keeps_working()
    {
        var a = await host.NewTenantAsync();
        var b = await host.NewTenantAsync();
        var keys = host.Function<Functions.Tenants.TenantFunctions>();
        var members = host.Function<MemberFunctions>();
        var created = await CallAsync(Request("POST", "/api/v1/keys", new { scope = "pos", name = "till 3" }, a.Admin), r => keys.CreateKey(r, CancellationToken.None));
        var (secret, keyId) = (created.Json["secret"]!.GetValue<string>(), created.Json["keyId"]!.GetValue<string>());

        Task<Response> Revoke(string apiKey) => CallAsync(Request("DELETE", $"/api/v1/keys/{keyId}", apiKey: apiKey), r => keys.RevokeKey(r, keyId, CancellationToken.None));

        var byOtherTenant = await Revoke(b.Admin);
        var byPos = await Revoke(a.Pos);
        var byStorefront = await Revoke(a.Storefront);
        var byItself = await Revoke(secret);
        var stillWorks = await CallAsync(Request("GET", "/api/v1/members/x", apiKey: secret), r => members.Get(r, "x", CancellationToken.None));
        var listed = await CallAsync(Request("GET", "/api/v1/keys", apiKey: a.Admin), r => keys.ListKeys(r, CancellationToken.None));
        var otherList = await CallAsync(Request("GET", "/api/v1/keys", apiKey: b.Admin), r => keys.ListKeys(r, CancellationToken.None));

        Assert.Equal(404, byOtherTenant.Status);
        Assert.Equal((403, 403, 403), (byPos.Status, byStorefront.Status, byItself.Status));
        Assert.Equal((404, "member-not-found"), (stillWorks.Status, stillWorks.Code));
        Assert.Null(Assert.Single(listed.Json["keys"]!.AsArray(), k => k!["keyId"]!.GetValue<string>() == keyId)!["revokedAt"]);
        Assert.DoesNotContain(otherList.Json["keys"]!.AsArray(), k => k!["keyId"]!.GetValue<string>() == keyId);
    }
}
