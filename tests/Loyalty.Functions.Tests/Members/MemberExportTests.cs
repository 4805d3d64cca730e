using Loyalty.Core.Gifts;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Redemptions;
using Loyalty.Functions.Audit;
using Loyalty.Functions.Family;
using Loyalty.Functions.Members;
using Loyalty.Functions.Pos;
using Loyalty.Functions.Tenants;
using Loyalty.Functions.Tests.Support;
using Loyalty.Functions.Webhooks;
using Loyalty.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.Functions.Tests.Support.Api;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Members;

public sealed class MemberExportTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private static readonly object[] Lines = [new { sku = "tea", category = "drinks", quantity = 1, unitPrice = 120m }];

    private Task<Response> ExportAsync(string key, string memberId) =>
        CallAsync(Request("GET", $"/api/v1/members/{memberId}/export", apiKey: key), r => host.Function<MemberPrivacyFunctions>().Export(r, memberId, CancellationToken.None));

    private async Task<Response> OkAsync(Task<Response> call)
    {
        var response = await call;
        Assert.True(response.Status is >= 200 and < 300, response.Text);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        return response;
    }

    [Fact]
    public async Task The_export_holds_the_profile_decrypted_and_everything_tied_to_the_member()
    {
        var tenant = await host.NewTenantAsync();
        var id = "m-" + Guid.NewGuid().ToString("N")[..10];
        var members = host.Function<MemberFunctions>();
        var pos = host.Function<PosFunctions>();
        await OkAsync(host.RegisterAsync(tenant.Pos, new { memberId = id, name = "Qian Export", phone = "139 7700 3344", birthday = "1991-02-03" }));
        var relative = await MemberWithPointsAsync(host, tenant, 0);
        await OkAsync(host.PurchaseAsync(tenant.Pos, new { orderId = "o-" + id, memberId = id, cashPaid = 120m, lines = Lines }));
        await host.DrainQueueAsync();
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await OkAsync(CallAsync(Request("POST", $"/api/v1/members/{id}/adjustments", new { delta = 500, reason = "welcome" }, tenant.Admin, Key("adj")), r => members.Adjust(r, id, CancellationToken.None)));
        await OkAsync(CallAsync(Request("PATCH", $"/api/v1/members/{id}", new { storeId = "sh-02", sms = false }, tenant.Admin), r => host.Function<MemberProfileFunctions>().Patch(r, id, CancellationToken.None)));
        await OkAsync(CallAsync(Request("PUT", "/api/v1/webhooks/oa", new { token = "weixin", scheme = "weChatOfficialAccount", appId = "wx49f0ab532d5d035a", mode = "plain" }, tenant.Admin), r => host.Function<WebhookFunctions>().Configure(r, "oa", CancellationToken.None)));
        await OkAsync(CallAsync(Request("PUT", $"/api/v1/members/{id}/wechat", new { channel = "oa", openId = "oExport" + tenant.TenantId[1..9] }, tenant.Storefront), r => host.Function<WeChatBindingFunctions>().Bind(r, id, CancellationToken.None)));
        var family = host.Function<FamilyFunctions>();
        var invitation = await OkAsync(CallAsync(Request("POST", "/api/v1/family/invitations", new { fromMemberId = id, toMemberId = relative }, tenant.Storefront, Key("inv")), r => family.Invite(r, CancellationToken.None)));
        var invitationId = invitation.Json["invitationId"]!.GetValue<string>();
        await OkAsync(CallAsync(Request("POST", $"/api/v1/family/invitations/{invitationId}/accept", new { memberId = relative }, tenant.Storefront), r => family.Accept(r, invitationId, CancellationToken.None)));
        var captured = await CapturedHoldAsync(host, tenant, id, "o-paid", 50, Lines);
        var open = await OkAsync(CallAsync(Request("POST", "/api/v1/pos/holds", new { memberId = id, orderId = "o-open", points = 30, lines = Lines }, tenant.Pos, Key("hold-open")), r => pos.Hold(r, CancellationToken.None)));
        var redemptions = host.Services.GetRequiredService<IRedemptionStore>();
        var address = new ShippingAddress("Qian Export", "13977003344", "9 Export Lane, Hangzhou");
        await redemptions.AddOrGetAsync(new RedemptionRecord { TenantId = tenant.TenantId, RedemptionId = "rd-x", MemberId = id, GiftId = "mug", Kind = GiftKind.Physical, GiftName = "Mug", Points = 100, ShipTo = address, Status = RedemptionStatus.AwaitingShipment, Fingerprint = "f", CreatedAt = host.Time.GetUtcNow() }, CancellationToken.None);
        Assert.True((await host.Services.GetRequiredService<LedgerService>().ExecuteAsync(new MemberKey(tenant.TenantId, id), new RedemptionDebit("rd-x", "mug", 100), CancellationToken.None)).IsSuccess);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var code = (await host.MemberAsync(tenant.Pos, id)).Json["referralCode"]!.GetValue<string>();
        var ledger = await CallAsync(Request("GET", $"/api/v1/members/{id}/ledger?pageSize=200", apiKey: tenant.Pos), r => members.Ledger(r, id, CancellationToken.None));
        var before = await StorageSnapshot.TakeAsync(host, tenant.TenantId);

        var export = await ExportAsync(tenant.Admin, id);

        Assert.True(export.Status == 200, export.Text);
        var json = export.Json;
        var profile = json["profile"]!;
        Assert.Equal((id, "Qian Export", "+8613977003344", "1991-02-03"), (profile["memberId"]!.GetValue<string>(), profile["name"]!.GetValue<string>(), profile["phone"]!.GetValue<string>(), profile["birthday"]!.GetValue<string>()));
        Assert.Equal(("sh-02", false, "active"), (profile["storeId"]!.GetValue<string>(), profile["sms"]!.GetValue<bool>(), profile["status"]!.GetValue<string>()));
        Assert.Equal((false, "zh-CN"), (json["preferences"]!["sms"]!.GetValue<bool>(), json["preferences"]!["language"]!.GetValue<string>()));
        var balance = json["balance"]!;
        Assert.Equal((120L + 500 - 50 - 100, 120L + 500 - 50 - 100 - 30, 30L), (balance["balance"]!.GetValue<long>(), balance["available"]!.GetValue<long>(), balance["held"]!.GetValue<long>()));
        Assert.Equal(balance["available"]!.GetValue<long>(), json["lots"]!.AsArray().Sum(l => l!["remaining"]!.GetValue<long>()));
        Assert.Equal(ledger.Json["entries"]!.ToJsonString(), json["ledger"]!.ToJsonString());
        var types = json["ledger"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "adjust", "earn", "hold", "profile", "spend" }, types);
        var holds = json["holds"]!.AsArray().ToDictionary(h => h!["holdId"]!.GetValue<string>(), h => h!["status"]!.GetValue<string>());
        Assert.Equal(new Dictionary<string, string> { [captured] = "captured", [open.Json["holdId"]!.GetValue<string>()] = "active" }, holds);
        Assert.Equal([relative], json["family"]!.AsArray().Select(m => m!.GetValue<string>()));
        var wechat = Assert.Single(json["weChat"]!.AsArray())!;
        Assert.Equal(("oa", "oExport" + tenant.TenantId[1..9]), (wechat["channel"]!.GetValue<string>(), wechat["openId"]!.GetValue<string>()));
        Assert.Equal(code, json["referralCode"]!.GetValue<string>());
        var redemption = Assert.Single(json["redemptions"]!.AsArray())!;
        Assert.Equal(("rd-x", "9 Export Lane, Hangzhou", "awaitingShipment"), (redemption["redemptionId"]!.GetValue<string>(), redemption["shipTo"]!["address"]!.GetValue<string>(), redemption["status"]!.GetValue<string>()));
        var history = Assert.Single(json["profileHistory"]!.AsArray())!;
        Assert.Equal(["sms", "storeId"], history["details"]!["fields"]!.GetValue<string>().Split(',').Order(StringComparer.Ordinal));
        Assert.Equal(["adjustment", "profileChange"], json["audit"]!.AsArray().Select(a => a!["action"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(json["audit"]!.AsArray(), a => Assert.Equal(id, a!["memberId"]!.GetValue<string>()));
        // Collecting writes nothing; the one row added is the audit record of this export.
        var written = Assert.Single((await StorageSnapshot.TakeAsync(host, tenant.TenantId)).ChangedSince(before));
        Assert.StartsWith("+ ", written, StringComparison.Ordinal);
        Assert.EndsWith(LoyaltyTables.AdminAudit, written.Split(' ')[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_export_is_recorded_in_the_admin_audit_with_the_key_that_made_it_and_a_refused_one_is_not()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 10);
        var created = await CallAsync(Request("POST", "/api/v1/keys", new { scope = "admin", name = "privacy desk" }, tenant.Admin), r => host.Function<TenantFunctions>().CreateKey(r, CancellationToken.None));
        Assert.Equal(201, created.Status);
        var (desk, deskId) = (created.Json["secret"]!.GetValue<string>(), created.Json["keyId"]!.GetValue<string>());
        host.Time.Advance(TimeSpan.FromSeconds(1));

        var first = await ExportAsync(desk, member);
        var sameInstant = await ExportAsync(desk, member);
        var byPos = await ExportAsync(tenant.Pos, member);
        var unknown = await ExportAsync(desk, "nobody");
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var later = await ExportAsync(tenant.Admin, member);
        var audit = await CallAsync(Request("GET", "/api/v1/admin/audit?action=export", apiKey: tenant.Admin), r => host.Function<AuditFunctions>().List(r, CancellationToken.None));

        Assert.Equal((200, 200, 403, 404, 200), (first.Status, sameInstant.Status, byPos.Status, unknown.Status, later.Status));
        Assert.True(audit.Status == 200, audit.Text);
        var records = audit.Json["records"]!.AsArray().Select(r => r!).ToList();
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal(("export", member), (r["action"]!.GetValue<string>(), r["memberId"]!.GetValue<string>())));
        Assert.Equal([deskId, deskId], records.Skip(1).Select(r => r["keyId"]!.GetValue<string>()));
        Assert.NotEqual(deskId, records[0]["keyId"]!.GetValue<string>());
        Assert.Equal(later.Json["exportedAt"]!.GetValue<DateTimeOffset>(), records[0]["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(first.Json["exportedAt"]!.GetValue<DateTimeOffset>(), records[2]["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(2, records.Select(r => r["actionId"]!.GetValue<string>()).Skip(1).Distinct(StringComparer.Ordinal).Count());

        // The member's own export shows who exported their data before.
        var exported = later.Json["audit"]!.AsArray().Where(a => a!["action"]!.GetValue<string>() == "export").Select(a => a!["keyId"]!.GetValue<string>());
        Assert.Equal([deskId, deskId], exported);
    }

    [Fact]
    public async Task Only_an_admin_exports_and_an_erased_or_unknown_member_has_nothing_to_export()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 10);

        var byPos = await ExportAsync(tenant.Pos, member);
        var byStorefront = await ExportAsync(tenant.Storefront, member);
        var unknown = await ExportAsync(tenant.Admin, "nobody");
        var erased = await CallAsync(Request("DELETE", $"/api/v1/members/{member}?reason=request", apiKey: tenant.Admin, headers: Key("erase")), r => host.Function<MemberPrivacyFunctions>().Erase(r, member, CancellationToken.None));
        var afterErasure = await ExportAsync(tenant.Admin, member);

        Assert.Equal((403, "scope-not-allowed"), (byPos.Status, byPos.Code));
        Assert.Equal((403, "scope-not-allowed"), (byStorefront.Status, byStorefront.Code));
        Assert.Equal((404, "member-not-found"), (unknown.Status, unknown.Code));
        Assert.Equal(200, erased.Status);
        Assert.Equal((404, "member-erased"), (afterErasure.Status, afterErasure.Code));
    }
}
