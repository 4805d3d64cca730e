using Loyalty.Core.Webhooks.WeChat;
using Loyalty.Functions.Tests.Support;
using Loyalty.Functions.Webhooks;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Webhooks;

public sealed class WeChatBindingFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private WeChatBindingFunctions Bindings => host.Function<WeChatBindingFunctions>();

    private Task<Response> ListAsync(string apiKey, string memberId) =>
        CallAsync(Request("GET", $"/api/v1/members/{memberId}/wechat", apiKey: apiKey), r => Bindings.List(r, memberId, CancellationToken.None));

    private Task<Response> UnbindAsync(string apiKey, string memberId, string query = "?channel=oa") =>
        CallAsync(Request("DELETE", $"/api/v1/members/{memberId}/wechat{query}", apiKey: apiKey), r => Bindings.Unbind(r, memberId, CancellationToken.None));

    private Task<Response> SceneAsync(string apiKey, string memberId, object body) =>
        CallAsync(Request("POST", $"/api/v1/members/{memberId}/wechat/scenes", body, apiKey), r => Bindings.IssueScene(r, memberId, CancellationToken.None));

    [Fact]
    public async Task Bind_list_and_unbind_an_openid()
    {
        var shop = await WeChatShop.OpenAsync(host);

        var again = await shop.BindAsync("m1", WeChatShop.MemberOpenId);
        var taken = await shop.BindAsync("m2", WeChatShop.MemberOpenId);
        var listed = await ListAsync(shop.Tenant.Pos, "m1");
        var unbound = await UnbindAsync(shop.Tenant.Storefront, "m1");
        var nowFree = await shop.BindAsync("m2", WeChatShop.MemberOpenId);

        Assert.Equal(200, again.Status);
        Assert.Equal((409, "openid-bound-to-another-member"), (taken.Status, taken.Code));
        Assert.DoesNotContain("m1", taken.Text, StringComparison.Ordinal);
        var binding = Assert.Single(listed.Json["bindings"]!.AsArray())!;
        Assert.Equal(("oa", WeChatShop.MemberOpenId, "api"), (binding["channel"]!.GetValue<string>(), binding["openId"]!.GetValue<string>(), binding["source"]!.GetValue<string>()));
        Assert.Equal(204, unbound.Status);
        Assert.Equal(200, nowFree.Status);
        Assert.Empty((await ListAsync(shop.Tenant.Pos, "m1")).Json["bindings"]!.AsArray());
    }

    [Fact]
    public async Task Bad_fields_are_422_naming_them()
    {
        var shop = await WeChatShop.OpenAsync(host);

        var badOpenId = await shop.BindAsync("m2", "o/../x");
        var notAnAccount = await CallAsync(Request("PUT", "/api/v1/members/m2/wechat", new { channel = "nope", openId = "oValid0000openid" }, shop.Tenant.Storefront), r => Bindings.Bind(r, "m2", CancellationToken.None));
        var shortScene = await SceneAsync(shop.Tenant.Storefront, "m2", new { channel = "oa", expiresInSeconds = WeChatScene.MinLifetimeSeconds - 1 });
        var longScene = await SceneAsync(shop.Tenant.Storefront, "m2", new { channel = "oa", expiresInSeconds = WeChatScene.MaxLifetimeSeconds + 1 });
        var noChannel = await UnbindAsync(shop.Tenant.Storefront, "m2", string.Empty);

        Assert.Equal((422, "openId"), (badOpenId.Status, badOpenId.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((422, "channel"), (notAnAccount.Status, notAnAccount.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((422, "expiresInSeconds"), (shortScene.Status, shortScene.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((422, "expiresInSeconds"), (longScene.Status, longScene.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((422, "channel"), (noChannel.Status, noChannel.Json["errors"]![0]!["field"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_same_idempotency_key_issues_the_same_scene()
    {
        var shop = await WeChatShop.OpenAsync(host);
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "qr-1" };

        var first = await CallAsync(Request("POST", "/api/v1/members/m2/wechat/scenes", new { channel = "oa" }, shop.Tenant.Storefront, key), r => Bindings.IssueScene(r, "m2", CancellationToken.None));
        var retry = await CallAsync(Request("POST", "/api/v1/members/m2/wechat/scenes", new { channel = "oa" }, shop.Tenant.Storefront, key), r => Bindings.IssueScene(r, "m2", CancellationToken.None));
        var fresh = await SceneAsync(shop.Tenant.Storefront, "m2", new { channel = "oa" });

        Assert.Equal(201, first.Status);
        Assert.Equal(first.Json["scene"]!.GetValue<string>(), retry.Json["scene"]!.GetValue<string>());
        Assert.NotEqual(first.Json["scene"]!.GetValue<string>(), fresh.Json["scene"]!.GetValue<string>());
        Assert.Equal(WeChatScene.DefaultLifetimeSeconds, first.Json["expireSeconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_tenants_key_finds_no_member_on_any_binding_route_and_changes_nothing()
    {
        var shop = await WeChatShop.OpenAsync(host);
        var other = await host.NewTenantAsync();
        await WeChatShop.OpenAsync(host, existing: other);

        var attempts = new[]
        {
            await CallAsync(Request("PUT", "/api/v1/members/m-only-in-a/wechat", new { channel = "oa", openId = "oIntruder1openid" }, other.Admin), r => Bindings.Bind(r, "m-only-in-a", CancellationToken.None)),
            await ListAsync(other.Admin, "m-only-in-a"),
            await UnbindAsync(other.Admin, "m-only-in-a"),
            await SceneAsync(other.Admin, "m-only-in-a", new { channel = "oa" }),
        };
        await host.RegisterAsync(shop.Tenant.Pos, new { memberId = "m-only-in-a" });
        var afterRegistration = new[]
        {
            await CallAsync(Request("PUT", "/api/v1/members/m-only-in-a/wechat", new { channel = "oa", openId = "oIntruder1openid" }, other.Admin), r => Bindings.Bind(r, "m-only-in-a", CancellationToken.None)),
            await ListAsync(other.Admin, "m-only-in-a"),
            await UnbindAsync(other.Admin, "m-only-in-a"),
            await SceneAsync(other.Admin, "m-only-in-a", new { channel = "oa" }),
        };

        Assert.All(attempts.Concat(afterRegistration), r => Assert.Equal((404, "member-not-found"), (r.Status, r.Code)));
        Assert.Empty((await ListAsync(shop.Tenant.Pos, "m-only-in-a")).Json["bindings"]!.AsArray());

        // Both tenants bound m1 to the same openid string: each tenant's binding is its own.
        Assert.Single((await ListAsync(shop.Tenant.Pos, "m1")).Json["bindings"]!.AsArray());
        Assert.Single((await ListAsync(other.Pos, "m1")).Json["bindings"]!.AsArray());
    }

    [Fact]
    public async Task Scopes_are_enforced()
    {
        var shop = await WeChatShop.OpenAsync(host);

        var posBinds = await CallAsync(Request("PUT", "/api/v1/members/m2/wechat", new { channel = "oa", openId = "oSomeone01openid" }, shop.Tenant.Pos), r => Bindings.Bind(r, "m2", CancellationToken.None));
        var posScene = await SceneAsync(shop.Tenant.Pos, "m2", new { channel = "oa" });
        var noKey = await ListAsync(null!, "m1");

        Assert.Equal((403, 403, 401), (posBinds.Status, posScene.Status, noKey.Status));
    }
}
