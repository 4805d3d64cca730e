using Azure.Data.Tables;
using Loyalty.Core.Family;
using Loyalty.Core.Gifts;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Redemptions;
using Loyalty.Core.Sagas;
using Loyalty.Core.Webhooks.WeChat;
using Loyalty.Functions.Activities;
using Loyalty.Functions.Audit;
using Loyalty.Functions.Family;
using Loyalty.Functions.Members;
using Loyalty.Functions.Pos;
using Loyalty.Functions.Referrals;
using Loyalty.Functions.Tests.Support;
using Loyalty.Functions.Tests.Webhooks;
using Loyalty.Functions.Webhooks;
using Loyalty.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Loyalty.Functions.Tests.Support.Api;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Members;

public sealed class MemberErasureTests(LogCapturingHost host) : IClassFixture<LogCapturingHost>
{
    private const string Name = "Zhou Erasable";
    private const string National = "13977001122";
    private const string E164 = "+86" + National;
    private const string OpenId = "oErasableMember0001";

    private static readonly object[] Lines = [new { sku = "tea", category = "drinks", quantity = 1, unitPrice = 120m }];

    private MemberFunctions Members => host.Function<MemberFunctions>();

    private Task<Response> EraseAsync(string key, string memberId, object? body, string? idempotencyKey, string query = "") =>
        CallAsync(Request("DELETE", $"/api/v1/members/{memberId}{query}", body, key, idempotencyKey is null ? null : Key(idempotencyKey)), r => host.Function<MemberPrivacyFunctions>().Erase(r, memberId, CancellationToken.None));

    private static Task<Response> GetAsync(string key, string path, Func<Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Mvc.IActionResult>> function) =>
        CallAsync(Request("GET", path, apiKey: key), function);

    /// <summary>A member with a name, phone, birthday, points from a purchase and an adjustment, a profile change, a WeChat binding and a family binding.</summary>
    private async Task<(string Member, string Relative)> PersonAsync(TenantKeys tenant, string phone = National)
    {
        var id = "m-" + Guid.NewGuid().ToString("N")[..10];
        var registered = await host.RegisterAsync(tenant.Pos, new { memberId = id, name = Name, phone, birthday = "1990-05-01" });
        Assert.Equal(201, registered.Status);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var relative = await MemberWithPointsAsync(host, tenant, 0);
        var purchase = await host.PurchaseAsync(tenant.Pos, new { orderId = "o-" + id, memberId = id, cashPaid = 120m, lines = Lines });
        Assert.Equal(202, purchase.Status);
        await host.DrainQueueAsync();
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var adjusted = await CallAsync(Request("POST", $"/api/v1/members/{id}/adjustments", new { delta = 80, reason = "welcome" }, tenant.Admin, Key("adj-" + id)), r => Members.Adjust(r, id, CancellationToken.None));
        Assert.Equal(201, adjusted.Status);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var patched = await CallAsync(Request("PATCH", $"/api/v1/members/{id}", new { name = Name + " Jr", storeId = "sh-01" }, tenant.Admin), r => host.Function<MemberProfileFunctions>().Patch(r, id, CancellationToken.None));
        Assert.Equal(200, patched.Status);
        host.Time.Advance(TimeSpan.FromSeconds(1));

        var channel = await CallAsync(Request("PUT", "/api/v1/webhooks/oa", new { token = "weixin", scheme = "weChatOfficialAccount", appId = "wx49f0ab532d5d035a", mode = "plain" }, tenant.Admin), r => host.Function<WebhookFunctions>().Configure(r, "oa", CancellationToken.None));
        Assert.Equal(200, channel.Status);
        var bound = await CallAsync(Request("PUT", $"/api/v1/members/{id}/wechat", new { channel = "oa", openId = OpenId + tenant.TenantId[1..5] }, tenant.Storefront), r => host.Function<WeChatBindingFunctions>().Bind(r, id, CancellationToken.None));
        Assert.True(bound.Status is 200 or 201, bound.Text);

        var family = host.Function<FamilyFunctions>();
        var invitation = await CallAsync(Request("POST", "/api/v1/family/invitations", new { fromMemberId = id, toMemberId = relative }, tenant.Storefront, Key("inv-" + id)), r => family.Invite(r, CancellationToken.None));
        Assert.Equal(201, invitation.Status);
        var invitationId = invitation.Json["invitationId"]!.GetValue<string>();
        var accepted = await CallAsync(Request("POST", $"/api/v1/family/invitations/{invitationId}/accept", new { memberId = relative }, tenant.Storefront), r => family.Accept(r, invitationId, CancellationToken.None));
        Assert.Equal(200, accepted.Status);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        return (id, relative);
    }

    /// <summary>Every stored row of the host's tables, each as "table partition row" and all its values.</summary>
    private async Task<IReadOnlyList<string>> StoredRowsAsync()
    {
        var service = host.Services.GetRequiredService<TableServiceClient>();
        var prefix = host.Services.GetRequiredService<IOptions<TableStorageOptions>>().Value.TablePrefix;
        var rows = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            if (table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
                {
                    rows.Add($"{table.Name} {row.PartitionKey} {row.RowKey} " + string.Join(' ', row.Select(p => $"{p.Key}={p.Value}")));
                }
            }
        }

        return rows;
    }

    private async Task<TableEntity> AccountRowAsync(string tenantId, string memberId)
    {
        var table = await host.Services.GetRequiredService<LoyaltyTables>().GetAsync(LoyaltyTables.Ledger);
        return (await table.GetEntityAsync<TableEntity>($"{tenantId}:{memberId}", "account")).Value;
    }

    [Fact]
    public async Task Erasure_forfeits_the_points_and_leaves_nothing_personal_in_storage_reads_or_logs()
    {
        var tenant = await host.NewTenantAsync();
        var (member, relative) = await PersonAsync(tenant);
        var family = await GetAsync(tenant.Storefront, $"/api/v1/members/{relative}/family", r => host.Function<FamilyFunctions>().List(r, relative, CancellationToken.None));
        Assert.Contains(family.Json["family"]!.AsArray(), m => m!.GetValue<string>() == member);
        Assert.Contains(await StoredRowsAsync(), r => r.Split(' ') is [var table, var partition, var row, ..] && table.EndsWith(LoyaltyTables.Members, StringComparison.Ordinal) && partition == tenant.TenantId && row == member);
        var before = await AccountRowAsync(tenant.TenantId, member);
        var phoneHash = before.GetString("PhoneHash");
        string[] personal = [Name, National, before.GetString("Phone"), before.GetString("Name"), before.GetString("Birthday"), phoneHash, "1990-05-01", OpenId];
        Assert.All(personal, Assert.NotNull);
        Assert.Contains(await StoredRowsAsync(), r => r.Contains(phoneHash, StringComparison.Ordinal) && r.Contains(":phone ", StringComparison.Ordinal));

        var erased = await EraseAsync(tenant.Admin, member, new { reason = "Member request, ticket 8812" }, "erase-1");

        Assert.True(erased.Status == 200, erased.Text);
        var entry = erased.Json["entry"]!;
        Assert.Equal(("forfeit", -200L, 0L), (entry["type"]!.GetValue<string>(), entry["delta"]!.GetValue<long>(), entry["balanceAfter"]!.GetValue<long>()));
        Assert.Equal("Member request, ticket 8812", entry["reason"]!.GetValue<string>());

        var stored = await StoredRowsAsync();
        var leaks = stored.Where(r => personal.Any(p => r.Contains(p!, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
        var account = await AccountRowAsync(tenant.TenantId, member);
        Assert.Equal(("Erased", null, null, null, null), (account.GetString("Status"), account.GetString("Name"), account.GetString("Phone"), account.GetString("PhoneHash"), account.GetString("Birthday")));
        Assert.Equal(200, account.GetInt64("LifetimeEarned"));
        Assert.DoesNotContain(stored, r => r.Contains($" {tenant.TenantId}:{member} lot:", StringComparison.Ordinal));
        Assert.DoesNotContain(stored, r => r.Split(' ') is [var table, var partition, var row, ..] && table.EndsWith(LoyaltyTables.Members, StringComparison.Ordinal) && partition == tenant.TenantId && row == member);

        var reads = new Dictionary<string, Response>
        {
            ["member"] = await GetAsync(tenant.Pos, $"/api/v1/members/{member}", r => Members.Get(r, member, CancellationToken.None)),
            ["ledger"] = await GetAsync(tenant.Pos, $"/api/v1/members/{member}/ledger", r => Members.Ledger(r, member, CancellationToken.None)),
            ["lots"] = await GetAsync(tenant.Pos, $"/api/v1/members/{member}/lots", r => Members.Lots(r, member, CancellationToken.None)),
            ["referral"] = await GetAsync(tenant.Storefront, $"/api/v1/members/{member}/referral", r => host.Function<ReferralFunctions>().Card(r, member, CancellationToken.None)),
            ["family"] = await GetAsync(tenant.Storefront, $"/api/v1/members/{member}/family", r => host.Function<FamilyFunctions>().List(r, member, CancellationToken.None)),
            ["wechat"] = await GetAsync(tenant.Storefront, $"/api/v1/members/{member}/wechat", r => host.Function<WeChatBindingFunctions>().List(r, member, CancellationToken.None)),
        };
        Assert.All(reads, r => Assert.True((r.Value.Status, r.Value.Code) == (404, "member-erased"), $"{r.Key}: {r.Value.Status} {r.Value.Text}"));
        var byPhone = await GetAsync(tenant.Pos, $"/api/v1/members?phone={National}", r => Members.List(r, CancellationToken.None));
        var listed = await GetAsync(tenant.Admin, $"/api/v1/members?q={member}", r => Members.List(r, CancellationToken.None));
        var relatives = await GetAsync(tenant.Storefront, $"/api/v1/members/{relative}/family", r => host.Function<FamilyFunctions>().List(r, relative, CancellationToken.None));
        Assert.Empty(byPhone.Json["members"]!.AsArray());
        Assert.Empty(listed.Json["members"]!.AsArray());
        Assert.DoesNotContain(relatives.Json["family"]!.AsArray(), m => m!.GetValue<string>() == member);

        var adjust = await CallAsync(Request("POST", $"/api/v1/members/{member}/adjustments", new { delta = 5, reason = "goodwill" }, tenant.Admin, Key("after")), r => Members.Adjust(r, member, CancellationToken.None));
        var checkIn = await CallAsync(Request("POST", $"/api/v1/members/{member}/check-ins", apiKey: tenant.Storefront), r => host.Function<ActivityFunctions>().CheckIn(r, member, CancellationToken.None));
        var patch = await CallAsync(Request("PATCH", $"/api/v1/members/{member}", new { name = "Back again" }, tenant.Storefront), r => host.Function<MemberProfileFunctions>().Patch(r, member, CancellationToken.None));
        var purchase = await host.PurchaseAsync(tenant.Pos, new { orderId = "o-after-" + member, memberId = member, cashPaid = 10m, lines = Lines });
        Assert.All(new[] { adjust, checkIn, patch, purchase }, r => Assert.True((r.Status, r.Code) == (404, "member-erased"), r.Text));

        var audit = await GetAsync(tenant.Admin, $"/api/v1/admin/audit?action=erase&memberId={member}", r => host.Function<AuditFunctions>().List(r, CancellationToken.None));
        var record = Assert.Single(audit.Json["records"]!.AsArray())!;
        Assert.Equal(("erase", "Member request, ticket 8812", entry["entryId"]!.GetValue<string>()), (record["action"]!.GetValue<string>(), record["reason"]!.GetValue<string>(), record["details"]!["entryId"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(record["keyId"]!.GetValue<string>()));
        Assert.DoesNotContain(National, audit.Text, StringComparison.Ordinal);

        var logs = host.Lines.ToList();
        Assert.Contains(logs, l => l.Contains("points.earned", StringComparison.Ordinal) && l.Contains(member, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(National, StringComparison.Ordinal) || l.Contains(Name, StringComparison.Ordinal));

        // The number is free again: someone else may register with it.
        var newcomer = await host.RegisterAsync(tenant.Pos, new { memberId = "new-" + member, phone = National });
        Assert.Equal(201, newcomer.Status);
    }

    [Fact]
    public async Task Erasure_deletes_the_members_wechat_messages_and_scenes_and_keeps_other_members_messages()
    {
        var shop = await WeChatShop.OpenAsync(host);
        var tenant = shop.Tenant;
        var id = "m-" + Guid.NewGuid().ToString("N")[..10];
        var suffix = tenant.TenantId[1..9];
        var (first, scanner) = ("oFirstOpenid" + suffix, "oScannerOpenid" + suffix);
        Assert.Equal(201, (await host.RegisterAsync(tenant.Pos, new { memberId = id, name = Name, phone = "13977005566" })).Status);
        async Task PushAsync(string @event, string? key, string openId)
        {
            var pushed = await shop.PushAsync(shop.Event(@event, key, openId), openId: openId);
            Assert.True(pushed.Status == 200, pushed.Text);
            host.Time.Advance(TimeSpan.FromSeconds(2));
        }

        async Task<string> SceneAsync(string idempotencyKey)
        {
            var issued = await CallAsync(Request("POST", $"/api/v1/members/{id}/wechat/scenes", new { channel = WeChatShop.Channel, expiresInSeconds = 600 }, tenant.Storefront, Key(idempotencyKey)), r => host.Function<WeChatBindingFunctions>().IssueScene(r, id, CancellationToken.None));
            Assert.True(issued.Status == 201, issued.Text);
            return issued.Json["scene"]!.GetValue<string>();
        }

        // Followed before being bound (recorded as unbound), bound by API, checked in; then a scene scanned by another
        // openid rebinds the member, who tries to check in again; a second scene stays unused; m1 checks in too.
        await PushAsync("subscribe", null, first);
        Assert.Equal(200, (await shop.BindAsync(id, first)).Status);
        await PushAsync("CLICK", "CHECKIN", first);
        var scanned = await SceneAsync("scene-1");
        await PushAsync("SCAN", scanned, scanner);
        await PushAsync("CLICK", "CHECKIN", scanner);
        var unused = await SceneAsync("scene-2");
        await PushAsync("CLICK", "CHECKIN", WeChatShop.MemberOpenId);
        Assert.Equal(5, await shop.BalanceAsync(id)); // the second check-in the same day is refused, and recorded for the member
        string[] traces = [first, scanner, scanned, unused];
        var before = await StoredRowsAsync();
        Assert.All(traces, t => Assert.Contains(before, r => r.Contains(t, StringComparison.Ordinal)));
        Assert.Equal(5, (await shop.MessagesAsync()).Json["messages"]!.AsArray().Count);

        var erased = await EraseAsync(tenant.Admin, id, new { reason = "Member request" }, "erase-wechat");

        Assert.True(erased.Status == 200, erased.Text);
        var wechatRows = (await StoredRowsAsync()).Where(r => r.Split(' ')[0].Contains("wechat", StringComparison.Ordinal)).ToList();
        var leaks = (await StoredRowsAsync()).Where(r => traces.Any(t => r.Contains(t, StringComparison.Ordinal)) || r.Contains(Name, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
        Assert.DoesNotContain(wechatRows, r => r.Contains(id, StringComparison.Ordinal));
        var kept = Assert.Single((await shop.MessagesAsync()).Json["messages"]!.AsArray())!;
        Assert.Equal(("m1", "credited"), (kept["memberId"]!.GetValue<string>(), kept["status"]!.GetValue<string>()));
        Assert.Contains(wechatRows, r => r.Contains(WeChatShop.MemberOpenId, StringComparison.Ordinal));

        // A push for the member that landed while a crashed erasure ran: the retry with the same key finds it by member id.
        var log = host.Services.GetRequiredService<IWeChatMessageLog>();
        var now = host.Time.GetUtcNow();
        await log.RecordAsync(new WeChatMessageRecord(tenant.TenantId, WeChatShop.Channel, "late-push", scanner, "event", now, now, WeChatMessageStatus.Credited) { MemberId = id, Event = "CLICK" }, CancellationToken.None);
        var retried = await EraseAsync(tenant.Admin, id, new { reason = "Member request" }, "erase-wechat");
        Assert.Equal((200, true), (retried.Status, retried.Json["replayed"]!.GetValue<bool>()));
        Assert.DoesNotContain(await StoredRowsAsync(), r => r.Contains(scanner, StringComparison.Ordinal));

        // The erased member's unused QR code binds nobody.
        await PushAsync("SCAN", unused, "oLateScanner" + suffix);
        Assert.Null(await host.Services.GetRequiredService<IWeChatBindingStore>().FindByOpenIdAsync(tenant.TenantId, "oLateScanner" + suffix, CancellationToken.None));
    }

    [Fact]
    public async Task Erasure_removes_the_shipping_addresses_of_the_members_redemptions_and_keeps_the_rest()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 500);
        var key = new MemberKey(tenant.TenantId, member);
        var address = new ShippingAddress("Zhou Shipto", "13977009988", "88 Erasable Rd, Shanghai");
        var redemptions = host.Services.GetRequiredService<IRedemptionStore>();
        var now = host.Time.GetUtcNow();
        await redemptions.AddOrGetAsync(
            new RedemptionRecord
            {
                TenantId = tenant.TenantId, RedemptionId = "rd-1", MemberId = member, GiftId = "mug", Kind = GiftKind.Physical, GiftName = "Mug", Points = 300,
                ShipTo = address, Status = RedemptionStatus.AwaitingShipment, Fingerprint = "f", CreatedAt = now,
                Fulfilment = new Fulfilment(GiftKind.Physical, now) { Shipment = new Shipment(ShipmentStatus.AwaitingShipment, address) },
            },
            CancellationToken.None);
        var debit = await host.Services.GetRequiredService<LedgerService>().ExecuteAsync(key, new RedemptionDebit("rd-1", "mug", 300), CancellationToken.None);
        Assert.True(debit.IsSuccess);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains(await StoredRowsAsync(), r => r.Contains("Erasable Rd", StringComparison.Ordinal));

        var erased = await EraseAsync(tenant.Admin, member, new { reason = "Member request" }, "erase-1");

        Assert.True(erased.Status == 200, erased.Text);
        Assert.Equal(-200, erased.Json["entry"]!["delta"]!.GetValue<long>());
        var record = await redemptions.GetAsync(tenant.TenantId, "rd-1", CancellationToken.None);
        Assert.Null(record!.ShipTo);
        Assert.Equal(new ShippingAddress(null, null, null), record.Fulfilment!.Shipment!.ShipTo);
        Assert.Equal((RedemptionStatus.AwaitingShipment, 300L, "mug"), (record.Status, record.Points, record.GiftId));
        Assert.DoesNotContain(await StoredRowsAsync(), r => r.Contains("Erasable Rd", StringComparison.Ordinal) || r.Contains("13977009988", StringComparison.Ordinal) || r.Contains("Zhou Shipto", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_first_result_and_another_key_finds_the_member_erased()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 300);

        var first = await EraseAsync(tenant.Admin, member, null, "erase-1", "?reason=Member%20request");
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var retry = await EraseAsync(tenant.Admin, member, null, "erase-1", "?reason=Member%20request");
        var other = await EraseAsync(tenant.Admin, member, new { reason = "Member request" }, "erase-2");
        var audit = await GetAsync(tenant.Admin, $"/api/v1/admin/audit?memberId={member}&action=erase", r => host.Function<AuditFunctions>().List(r, CancellationToken.None));

        Assert.Equal((200, false), (first.Status, first.Json["replayed"]!.GetValue<bool>()));
        Assert.Equal((200, true), (retry.Status, retry.Json["replayed"]!.GetValue<bool>()));
        Assert.Equal(first.Json["entry"]!.ToJsonString(), retry.Json["entry"]!.ToJsonString());
        Assert.Equal(-300, first.Json["entry"]!["delta"]!.GetValue<long>());
        Assert.Equal((404, "member-erased"), (other.Status, other.Code));
        Assert.Single(audit.Json["records"]!.AsArray());
    }

    [Fact]
    public async Task Erasure_is_refused_while_a_pos_hold_is_open_and_then_goes_through_once_it_is_released()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 500);
        var pos = host.Function<PosFunctions>();
        var hold = await CallAsync(Request("POST", "/api/v1/pos/holds", new { memberId = member, orderId = "o-h", points = 100, lines = Lines }, tenant.Pos, Key("hold-1")), r => pos.Hold(r, CancellationToken.None));
        Assert.Equal(201, hold.Status);
        var holdId = hold.Json["holdId"]!.GetValue<string>();
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var before = await StorageSnapshot.TakeAsync(host, tenant.TenantId);

        var refused = await EraseAsync(tenant.Admin, member, new { reason = "Member request" }, "erase-1");

        Assert.Equal((409, "member-has-open-holds"), (refused.Status, refused.Code));
        Assert.Contains(holdId, refused.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await StorageSnapshot.TakeAsync(host, tenant.TenantId)).ChangedSince(before));
        var released = await CallAsync(Request("POST", $"/api/v1/pos/holds/{holdId}/release", apiKey: tenant.Pos), r => pos.Release(r, holdId, CancellationToken.None));
        Assert.Equal(200, released.Status);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var erased = await EraseAsync(tenant.Admin, member, new { reason = "Member request" }, "erase-1");
        Assert.True(erased.Status == 200, erased.Text);
        Assert.Equal(-500, erased.Json["entry"]!["delta"]!.GetValue<long>());
    }

    [Fact]
    public async Task Erasure_is_refused_while_a_family_transfer_of_the_member_is_in_flight()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 500);
        var relative = await MemberWithPointsAsync(host, tenant, 0);
        var now = host.Time.GetUtcNow();
        var transfer = new TransferRecord { TenantId = tenant.TenantId, TransferId = "tr-inflight", FromMemberId = relative, ToMemberId = member, Points = 10, CreatedAt = now, Status = TransferStatus.Debited };
        await host.Services.GetRequiredService<IPendingSagas>().AddAsync(PendingSaga.Transfer(tenant.TenantId, transfer.TransferId, now), CancellationToken.None);
        await host.Services.GetRequiredService<ITransferStore>().AddOrGetAsync(transfer, CancellationToken.None);

        var refused = await EraseAsync(tenant.Admin, member, new { reason = "Member request" }, "erase-1");
        var shown = await MemberAsync(host, tenant, member);

        Assert.Equal((409, "member-has-pending-transfers"), (refused.Status, refused.Code));
        Assert.Contains("tr-inflight", refused.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((200, 500L), (shown.Status, shown.Json["available"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Erasure_needs_an_admin_a_reason_sent_once_an_idempotency_key_and_a_known_member()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 0);

        var byPos = await EraseAsync(tenant.Pos, member, new { reason = "x" }, "k");
        var byStorefront = await EraseAsync(tenant.Storefront, member, new { reason = "x" }, "k");
        var noReason = await EraseAsync(tenant.Admin, member, null, "k");
        var blank = await EraseAsync(tenant.Admin, member, new { reason = "  " }, "k");
        var tooLong = await EraseAsync(tenant.Admin, member, null, "k", "?reason=" + new string('x', 201));
        var twice = await EraseAsync(tenant.Admin, member, new { reason = "x" }, "k", "?reason=x");
        var badJson = await EraseAsync(tenant.Admin, member, "{\"reason\":1}", "k");
        var noKey = await EraseAsync(tenant.Admin, member, new { reason = "x" }, null);
        var unknown = await EraseAsync(tenant.Admin, "nobody", new { reason = "x" }, "k");
        var shown = await MemberAsync(host, tenant, member);

        Assert.Equal((403, "scope-not-allowed"), (byPos.Status, byPos.Code));
        Assert.Equal((403, "scope-not-allowed"), (byStorefront.Status, byStorefront.Code));
        foreach (var invalid in new[] { noReason, blank, tooLong })
        {
            Assert.Equal((422, "reason"), (invalid.Status, invalid.Json["errors"]![0]!["field"]!.GetValue<string>()));
        }

        Assert.Equal((400, "reason-twice"), (twice.Status, twice.Code));
        Assert.Equal((400, "invalid-json"), (badJson.Status, badJson.Code));
        Assert.Equal((400, "idempotency-key-required"), (noKey.Status, noKey.Code));
        Assert.Equal((404, "member-not-found"), (unknown.Status, unknown.Code));
        Assert.Equal(200, shown.Status);
    }
}
