using System.Text.Json.Nodes;
using Loyalty.Functions.Audit;
using Loyalty.Functions.Freezes;
using Loyalty.Functions.Members;
using Loyalty.Functions.Programs;
using Loyalty.Functions.Tenants;
using Loyalty.Functions.Tests.Support;
using static Loyalty.Functions.Tests.Support.Api;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Audit;

public sealed class AdminAuditTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private Task<Response> AuditAsync(string key, string query = "") =>
        CallAsync(Request("GET", "/api/v1/admin/audit" + query, apiKey: key), r => host.Function<AuditFunctions>().List(r, CancellationToken.None));

    private Task<Response> AdjustAsync(string key, string memberId, object body, string idempotencyKey) =>
        CallAsync(Request("POST", $"/api/v1/members/{memberId}/adjustments", body, key, Key(idempotencyKey)), r => host.Function<MemberFunctions>().Adjust(r, memberId, CancellationToken.None));

    private Task<Response> PatchAsync(string key, string memberId, object body, string idempotencyKey) =>
        CallAsync(Request("PATCH", $"/api/v1/members/{memberId}", body, key, Key(idempotencyKey)), r => host.Function<MemberProfileFunctions>().Patch(r, memberId, CancellationToken.None));

    private static List<JsonNode> Records(Response page) => [.. page.Json["records"]!.AsArray().Select(r => r!)];

    private static string KeyIdOf(Response created) => created.Json["keyId"]!.GetValue<string>();

    [Fact]
    public async Task Each_admin_action_is_recorded_once_with_the_key_that_did_it_and_refused_or_replayed_requests_add_nothing()
    {
        var tenant = await host.NewTenantAsync();
        var tenants = host.Function<TenantFunctions>();
        var adminKey = await CallAsync(Request("POST", "/api/v1/keys", new { scope = "admin", name = "ops" }, tenant.Admin), r => tenants.CreateKey(r, CancellationToken.None));
        var admin = adminKey.Json["secret"]!.GetValue<string>();
        var adminId = KeyIdOf(adminKey);
        var member = await MemberWithPointsAsync(host, tenant, 0);

        var adjusted = await AdjustAsync(admin, member, new { delta = 50, reason = "goodwill" }, "adj-1");
        var replayed = await AdjustAsync(admin, member, new { delta = 50, reason = "goodwill" }, "adj-1");
        var refused = await AdjustAsync(admin, member, new { delta = 50, reason = " " }, "adj-2");
        var overdrawn = await AdjustAsync(admin, member, new { delta = -5000, reason = "too much" }, "adj-3");
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var freezes = host.Function<FreezeFunctions>();
        await CallAsync(Request("POST", $"/api/v1/members/{member}/freeze", new { reason = "dispute" }, admin, Key("f-1")), r => freezes.Freeze(r, member, CancellationToken.None));
        await CallAsync(Request("POST", $"/api/v1/members/{member}/freeze", new { reason = "dispute" }, admin, Key("f-1")), r => freezes.Freeze(r, member, CancellationToken.None));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await CallAsync(Request("POST", $"/api/v1/members/{member}/unfreeze", new { reason = "cleared" }, admin, Key("u-1")), r => freezes.Unfreeze(r, member, CancellationToken.None));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await PatchAsync(admin, member, new { name = "王小明", language = "en" }, "p-1");
        await PatchAsync(admin, member, new { name = "王小明", language = "en" }, "p-1");
        await PatchAsync(tenant.Storefront, member, new { storeId = "sh-01" }, "p-2");
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var programs = host.Function<ProgramFunctions>();
        var stale = new Dictionary<string, string> { ["If-Match"] = "\"99\"" };
        var staleProgram = await CallAsync(Request("PUT", "/api/v1/program", new { earning = new { baseRatePoints = 2 } }, admin, stale), r => programs.Put(r, CancellationToken.None));
        var saved = await CallAsync(Request("PUT", "/api/v1/program", new { earning = new { baseRatePoints = 2 } }, admin, new Dictionary<string, string> { ["If-Match"] = "*" }), r => programs.Put(r, CancellationToken.None));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var posKey = await CallAsync(Request("POST", "/api/v1/keys", new { scope = "pos", name = "till 7" }, admin), r => tenants.CreateKey(r, CancellationToken.None));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var revoked = await CallAsync(Request("DELETE", $"/api/v1/keys/{KeyIdOf(posKey)}", apiKey: admin), r => tenants.RevokeKey(r, KeyIdOf(posKey), CancellationToken.None));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var revokedAgain = await CallAsync(Request("DELETE", $"/api/v1/keys/{KeyIdOf(posKey)}", apiKey: admin), r => tenants.RevokeKey(r, KeyIdOf(posKey), CancellationToken.None));

        Assert.Equal((201, 200, 422, 422), (adjusted.Status, replayed.Status, refused.Status, overdrawn.Status));
        Assert.Equal((204, 204), (revoked.Status, revokedAgain.Status));
        Assert.Equal((412, 200), (staleProgram.Status, saved.Status));
        var log = Records(await AuditAsync(tenant.Admin));
        var byOps = log.Where(r => r["keyId"]!.GetValue<string>() == adminId).ToList();
        Assert.Equal(
            ["keyRevoke", "keyIssue", "programChange", "profileChange", "unfreeze", "freeze", "adjustment"],
            byOps.Select(r => r["action"]!.GetValue<string>()));
        var adjustment = byOps[^1];
        Assert.Equal((member, "goodwill", "50"), (adjustment["memberId"]!.GetValue<string>(), adjustment["reason"]!.GetValue<string>(), adjustment["details"]!["delta"]!.GetValue<string>()));
        Assert.Equal("name,language", byOps[3]["details"]!["fields"]!.GetValue<string>());
        Assert.DoesNotContain("王小明", byOps[3].ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(KeyIdOf(posKey), byOps[0]["subject"]!.GetValue<string>());

        // The bootstrap key issued the ops key; the storefront's own profile change is not an admin action.
        Assert.Contains(log, r => r["action"]!.GetValue<string>() == "keyIssue" && r["subject"]!.GetValue<string>() == adminId);
        Assert.DoesNotContain(log, r => r["action"]!.GetValue<string>() == "profileChange" && r["keyId"]!.GetValue<string>() != adminId);
    }

    [Fact]
    public async Task The_log_filters_by_action_member_and_time_and_pages_newest_first()
    {
        var tenant = await host.NewTenantAsync();
        var first = await MemberWithPointsAsync(host, tenant, 0);
        var second = await MemberWithPointsAsync(host, tenant, 0);
        var start = host.Time.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            await AdjustAsync(tenant.Admin, first, new { delta = 10 + i, reason = "bonus" }, $"a-{i}");
            host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var middle = host.Time.GetUtcNow();
        await AdjustAsync(tenant.Admin, second, new { delta = 7, reason = "bonus" }, "b-0");
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await CallAsync(Request("POST", $"/api/v1/members/{second}/freeze", new { reason = "dispute" }, tenant.Admin, Key("f")), r => host.Function<FreezeFunctions>().Freeze(r, second, CancellationToken.None));

        var ofFirst = Records(await AuditAsync(tenant.Admin, $"?memberId={first}"));
        var adjustments = Records(await AuditAsync(tenant.Admin, "?action=adjustment"));
        var freezes = Records(await AuditAsync(tenant.Admin, "?action=freeze"));
        var window = Records(await AuditAsync(tenant.Admin, $"?from={Uri.EscapeDataString(start.ToString("O"))}&to={Uri.EscapeDataString(middle.ToString("O"))}"));
        var page1 = await AuditAsync(tenant.Admin, $"?memberId={first}&pageSize=2");
        var page2 = await AuditAsync(tenant.Admin, $"?memberId={first}&pageSize=2&continuationToken={page1.Json["continuationToken"]!.GetValue<string>()}");

        Assert.Equal(["12", "11", "10"], ofFirst.Select(r => r["details"]!["delta"]!.GetValue<string>()));
        Assert.Equal(4, adjustments.Count);
        Assert.Equal([second], freezes.Select(r => r["memberId"]!.GetValue<string>()));
        Assert.Equal(3, window.Count);
        Assert.All(window, r => Assert.Equal(first, r["memberId"]!.GetValue<string>()));
        Assert.Equal(2, Records(page1).Count);
        Assert.Equal(["10"], Records(page2).Select(r => r["details"]!["delta"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_log_is_for_admins_of_the_tenant_only_and_bad_filters_are_named()
    {
        var tenant = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 0);
        await AdjustAsync(tenant.Admin, member, new { delta = 5, reason = "bonus" }, "a");

        var byPos = await AuditAsync(tenant.Pos);
        var byStorefront = await AuditAsync(tenant.Storefront);
        var byOtherTenant = await AuditAsync(other.Admin, $"?memberId={member}");
        var otherLog = Records(await AuditAsync(other.Admin));
        var badAction = await AuditAsync(tenant.Admin, "?action=delete-everything");
        var badTime = await AuditAsync(tenant.Admin, "?from=yesterday");
        var badSize = await AuditAsync(tenant.Admin, "?pageSize=0");
        var badToken = await AuditAsync(tenant.Admin, "?continuationToken=bm90LWEtdG9rZW4");
        var unknown = await AuditAsync(tenant.Admin, "?member=x");

        Assert.Equal((403, 403), (byPos.Status, byStorefront.Status));
        Assert.Empty(Records(byOtherTenant));
        Assert.All(otherLog, r => Assert.Equal("keyIssue", r["action"]!.GetValue<string>()));
        Assert.Equal((400, "action"), (badAction.Status, badAction.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((400, "from"), (badTime.Status, badTime.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((400, "pageSize"), (badSize.Status, badSize.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((400, "invalid-continuation-token"), (badToken.Status, badToken.Code));
        Assert.Equal((400, "member"), (unknown.Status, unknown.Json["errors"]![0]!["field"]!.GetValue<string>()));
    }
}
