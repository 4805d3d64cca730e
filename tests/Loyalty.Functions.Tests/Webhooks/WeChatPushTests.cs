using System.Xml.Linq;
using Loyalty.Core.Webhooks.WeChat;
using Loyalty.Functions.Programs;
using Loyalty.Functions.Tests.Support;
using Loyalty.Functions.Webhooks;
using Loyalty.Testing.WeChat;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Webhooks;

/// <summary>Official-account pushes through the receive function against Azurite, built by the tests' own WeChat stand-in.</summary>
public sealed class WeChatPushTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    [Fact]
    public async Task A_safe_mode_follow_grants_once_and_the_reply_comes_back_encrypted()
    {
        var shop = await WeChatShop.OpenAsync(host);

        var followed = await shop.PushAsync(shop.Event("subscribe"));

        Assert.Equal(200, followed.Status);
        Assert.StartsWith("application/xml", followed.ContentType, StringComparison.Ordinal);
        var reply = shop.Server.OpenReply(followed.Text);
        Assert.Equal(("text", WeChatShop.MemberOpenId, shop.Server.Account), (reply.Element("MsgType")!.Value, reply.Element("ToUserName")!.Value, reply.Element("FromUserName")!.Value));
        Assert.Equal("欢迎关注！已赠送 50 积分", reply.Element("Content")!.Value);
        Assert.Equal(50, await shop.BalanceAsync());
    }

    [Fact]
    public async Task Unfollowing_and_following_again_earns_nothing_more()
    {
        var shop = await WeChatShop.OpenAsync(host);
        await shop.PushAsync(shop.Event("subscribe"));
        host.Time.Advance(TimeSpan.FromSeconds(30));
        var unfollowed = await shop.PushAsync(shop.Event("unsubscribe"));
        host.Time.Advance(TimeSpan.FromSeconds(30));

        var refollowed = await shop.PushAsync(shop.Event("subscribe"));

        Assert.Equal((200, "success"), (unfollowed.Status, unfollowed.Text));
        Assert.Equal((200, "success"), (refollowed.Status, refollowed.Text));
        Assert.Equal(50, await shop.BalanceAsync());
        var latest = (await shop.MessagesAsync()).Json["messages"]![0]!;
        Assert.Equal(("refused", "already-granted"), (latest["status"]!.GetValue<string>(), latest["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Retries_of_one_push_credit_once_whether_resigned_or_resent_as_is()
    {
        var shop = await WeChatShop.OpenAsync(host);
        var click = shop.Event("CLICK", "CHECKIN");
        var (query, body) = shop.Server.Safe(shop.Tenant.TenantId, click, shop.Now, WeChatShop.NewNonce(), WeChatShop.MemberOpenId);

        var first = await shop.PostAsync(query, body);
        var resentAsIs = await shop.PostAsync(query, body);
        var resigned = await shop.PushAsync(click);

        var contents = new[] { first, resentAsIs, resigned }.Select(r => shop.Server.OpenReply(r.Text).Element("Content")!.Value).ToList();
        Assert.Equal(["签到成功 +5，当前积分 5"], contents.Distinct());
        Assert.Equal(5, await shop.BalanceAsync());
        Assert.Single((await shop.MessagesAsync()).Json["messages"]!.AsArray());
    }

    [Fact]
    public async Task A_second_check_in_click_the_same_day_earns_nothing_and_answers_success()
    {
        var shop = await WeChatShop.OpenAsync(host);
        await shop.PushAsync(shop.Event("CLICK", "CHECKIN"));
        host.Time.Advance(TimeSpan.FromSeconds(5));

        var again = await shop.PushAsync(shop.Event("CLICK", "CHECKIN"));

        Assert.Equal((200, "success"), (again.Status, again.Text));
        Assert.StartsWith("text/plain", again.ContentType, StringComparison.Ordinal);
        Assert.Equal(5, await shop.BalanceAsync());
        var latest = (await shop.MessagesAsync()).Json["messages"]![0]!;
        Assert.Equal(("refused", "already-checked-in"), (latest["status"]!.GetValue<string>(), latest["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_store_code_scan_completes_the_daily_task_once_a_day()
    {
        var shop = await WeChatShop.OpenAsync(host);

        var scanned = await shop.PushAsync(shop.Event("SCAN", "store-001"));
        host.Time.Advance(TimeSpan.FromSeconds(5));
        var again = await shop.PushAsync(shop.Event("SCAN", "store-001"));
        host.Time.Advance(TimeSpan.FromSeconds(5));
        var unknown = await shop.PushAsync(shop.Event("SCAN", "store-999"));

        Assert.Equal(["success", "success", "success"], new[] { scanned.Text, again.Text, unknown.Text });
        Assert.Equal(10, await shop.BalanceAsync());
        var statuses = (await shop.MessagesAsync()).Json["messages"]!.AsArray().Select(m => m!["status"]!.GetValue<string>());
        Assert.Equal(["ignored", "refused", "credited"], statuses);
    }

    [Fact]
    public async Task An_unbound_openid_credits_nothing_and_admins_see_its_events()
    {
        var shop = await WeChatShop.OpenAsync(host);

        var followed = await shop.PushAsync(shop.Event("subscribe", openId: "oStranger01openid"), openId: "oStranger01openid");
        host.Time.Advance(TimeSpan.FromSeconds(5));
        var clicked = await shop.PushAsync(shop.Event("CLICK", "CHECKIN", openId: "oStranger01openid"), openId: "oStranger01openid");
        var unbound = await shop.MessagesAsync("status=unbound");
        var byOpenId = await shop.MessagesAsync("openId=oStranger01openid&pageSize=1");
        var asPos = await shop.MessagesAsync(apiKey: shop.Tenant.Pos);

        Assert.Equal(["success", "success"], new[] { followed.Text, clicked.Text });
        Assert.Equal(0, await shop.BalanceAsync());
        Assert.Equal(["CLICK", "subscribe"], unbound.Json["messages"]!.AsArray().Select(m => m!["event"]!.GetValue<string>()));
        Assert.All(unbound.Json["messages"]!.AsArray(), m => Assert.Null(m!["memberId"]));
        Assert.Single(byOpenId.Json["messages"]!.AsArray());
        Assert.NotNull(byOpenId.Json["continuationToken"]);
        Assert.Equal(403, asPos.Status);
    }

    [Fact]
    public async Task Scanning_a_member_scene_binds_the_scanner_and_a_follow_through_it_is_credited_to_that_member()
    {
        var shop = await WeChatShop.OpenAsync(host);
        var issued = await CallAsync(
            Request("POST", "/api/v1/members/m2/wechat/scenes", new { channel = WeChatShop.Channel, expiresInSeconds = 300 }, shop.Tenant.Storefront),
            r => host.Function<WeChatBindingFunctions>().IssueScene(r, "m2", CancellationToken.None));
        var scene = issued.Json["scene"]!.GetValue<string>();

        var followed = await shop.PushAsync(shop.Event("subscribe", $"qrscene_{scene}", openId: "oNewFan0001openid"), openId: "oNewFan0001openid");
        host.Time.Advance(TimeSpan.FromSeconds(5));
        var stranger = await shop.PushAsync(shop.Event("SCAN", scene, openId: "oStranger02openid"), openId: "oStranger02openid");
        var bindings = await CallAsync(Request("GET", "/api/v1/members/m2/wechat", apiKey: shop.Tenant.Pos), r => host.Function<WeChatBindingFunctions>().List(r, "m2", CancellationToken.None));

        Assert.Equal((201, 300), (issued.Status, issued.Json["expireSeconds"]!.GetValue<int>()));
        Assert.Equal("欢迎关注！已赠送 50 积分", shop.Server.OpenReply(followed.Text).Element("Content")!.Value);
        Assert.Equal(50, await shop.BalanceAsync("m2"));
        Assert.Equal("success", stranger.Text);
        var binding = Assert.Single(bindings.Json["bindings"]!.AsArray())!;
        Assert.Equal(("oNewFan0001openid", "scene"), (binding["openId"]!.GetValue<string>(), binding["source"]!.GetValue<string>()));
        var messages = (await shop.MessagesAsync()).Json["messages"]!.AsArray();
        Assert.Equal(("unbound", "scene-used"), (messages[0]!["status"]!.GetValue<string>(), messages[0]!["code"]!.GetValue<string>()));
        Assert.True(messages[1]!["bound"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Plain_mode_pushes_verify_signature_and_are_answered_in_plain()
    {
        var shop = await WeChatShop.OpenAsync(host, WeChatMode.Plain);

        var clicked = await shop.PushAsync(shop.Event("CLICK", "CHECKIN"), encrypted: false);
        var forged = await shop.PostAsync($"tenant={shop.Tenant.TenantId}&signature={new string('0', 40)}&timestamp={shop.Now}&nonce=1", shop.Event("CLICK", "CHECKIN"));
        var encrypted = await shop.PostAsync(new WeChatServer(WeChatShop.Token, WeChatShop.AppId, WeChatShop.AesKey).Safe(shop.Tenant.TenantId, shop.Event("subscribe"), shop.Now, WeChatShop.NewNonce(), WeChatShop.MemberOpenId).Query, "<xml><Encrypt>x</Encrypt></xml>");

        Assert.Equal("签到成功 +5，当前积分 5", XElement.Parse(clicked.Text).Element("Content")!.Value);
        Assert.Equal((401, "signature-invalid"), (forged.Status, forged.Code));
        Assert.Equal((400, "encryption-not-configured"), (encrypted.Status, encrypted.Code));
        Assert.Equal(5, await shop.BalanceAsync());
    }

    [Fact]
    public async Task Compatible_mode_reads_the_encrypted_copy_and_accepts_plain_while_safe_mode_refuses_plain()
    {
        var compatible = await WeChatShop.OpenAsync(host, WeChatMode.Compatible);
        var safe = await WeChatShop.OpenAsync(host);
        var (query, envelope) = compatible.Server.Safe(compatible.Tenant.TenantId, compatible.Event("CLICK", "CHECKIN"), compatible.Now, WeChatShop.NewNonce(), WeChatShop.MemberOpenId);
        var encrypt = XElement.Parse(envelope).Element("Encrypt")!.Value;

        // Compatible mode sends the plain fields beside Encrypt; the encrypted copy (signed by msg_signature) is the one that counts.
        var both = await compatible.PostAsync(query, compatible.Event("CLICK", "NOT-MAPPED").Replace("</xml>", $"<Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>", StringComparison.Ordinal));
        var plain = await compatible.PushAsync(compatible.Event("subscribe"), encrypted: false);
        var refused = await safe.PushAsync(safe.Event("subscribe"), encrypted: false);

        Assert.Equal("签到成功 +5，当前积分 5", compatible.Server.OpenReply(both.Text).Element("Content")!.Value);
        Assert.Equal("欢迎关注！已赠送 50 积分", XElement.Parse(plain.Text).Element("Content")!.Value);
        Assert.Equal((401, "encryption-required"), (refused.Status, refused.Code));
        Assert.Equal((55, 0), (await compatible.BalanceAsync(), await safe.BalanceAsync()));
    }

    [Fact]
    public async Task Forged_misaddressed_and_stale_encrypted_pushes_are_refused()
    {
        var shop = await WeChatShop.OpenAsync(host);
        var (query, body) = shop.Server.Safe(shop.Tenant.TenantId, shop.Event("subscribe"), shop.Now, WeChatShop.NewNonce(), WeChatShop.MemberOpenId);
        var tampered = body.Replace("<![CDATA[", "<![CDATA[A", StringComparison.Ordinal);
        var otherAccount = new WeChatServer(WeChatShop.Token, "wx0123456789abcdef", WeChatShop.AesKey).Safe(shop.Tenant.TenantId, shop.Event("subscribe"), shop.Now, WeChatShop.NewNonce(), WeChatShop.MemberOpenId);

        var forged = await shop.PostAsync(query, tampered);
        var misaddressed = await shop.PostAsync(otherAccount.Query, otherAccount.Body);
        var stale = await shop.PushAsync(shop.Event("subscribe"), timestamp: shop.Now - 301);
        var unsigned = await shop.PostAsync($"tenant={shop.Tenant.TenantId}&encrypt_type=aes&timestamp={shop.Now}&nonce=1", body);

        Assert.Equal((401, "signature-invalid"), (forged.Status, forged.Code));
        Assert.Equal((401, "appid-mismatch"), (misaddressed.Status, misaddressed.Code));
        Assert.Equal((401, "timestamp-stale"), (stale.Status, stale.Code));
        Assert.Equal((401, "signature-missing"), (unsigned.Status, unsigned.Code));
        Assert.Equal(0, await shop.BalanceAsync());
    }

    [Fact]
    public async Task A_signed_pair_used_by_one_message_cannot_carry_another()
    {
        var shop = await WeChatShop.OpenAsync(host);
        var nonce = WeChatShop.NewNonce();
        await shop.PushAsync(shop.Event("CLICK", "CHECKIN"), nonce: nonce);

        var other = await shop.PushAsync(shop.Event("subscribe"), nonce: nonce);

        Assert.Equal((401, "nonce-reused"), (other.Status, other.Code));
        Assert.Equal(5, await shop.BalanceAsync());
    }

    [Fact]
    public async Task Xml_with_a_doctype_or_entity_and_oversize_bodies_are_refused_and_change_nothing()
    {
        var shop = await WeChatShop.OpenAsync(host, WeChatMode.Compatible);
        var entity = $"<!DOCTYPE xml [<!ENTITY id \"{WeChatShop.MemberOpenId}\">]>" + WeChatServer.Event("&id;", shop.Now, "subscribe");
        var bomb = "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><xml><Content>&b;</Content></xml>";
        var oversize = shop.Event("subscribe").Replace("</xml>", $"<Padding>{new string('x', WebhookBody.MaxBytes)}</Padding></xml>", StringComparison.Ordinal);

        var plainEntity = await shop.PushAsync(entity, encrypted: false);
        var encryptedEntity = await shop.PushAsync(entity);
        var encryptedBomb = await shop.PushAsync(bomb);
        var tooLarge = await shop.PushAsync(oversize, encrypted: false);

        Assert.Equal((400, "xml-dtd-prohibited"), (plainEntity.Status, plainEntity.Code));
        Assert.Equal((400, "xml-dtd-prohibited"), (encryptedEntity.Status, encryptedEntity.Code));
        Assert.Equal((400, "xml-dtd-prohibited"), (encryptedBomb.Status, encryptedBomb.Code));
        Assert.Equal((400, "body-too-large"), (tooLarge.Status, tooLarge.Code));
        Assert.Equal(0, await shop.BalanceAsync());
        Assert.Empty((await shop.MessagesAsync()).Json["messages"]!.AsArray());
    }

    [Fact]
    public async Task Text_messages_and_views_are_recorded_as_ignored_without_their_content()
    {
        var shop = await WeChatShop.OpenAsync(host);

        var text = await shop.PushAsync(WeChatServer.Text(WeChatShop.MemberOpenId, shop.Now, 6054768590064713728, "我的手机号 13812345678", shop.Server.Account));
        host.Time.Advance(TimeSpan.FromSeconds(5));
        var view = await shop.PushAsync(shop.Event("VIEW", "https://shop.example.com/points"));
        var messages = await shop.MessagesAsync("status=ignored");

        Assert.Equal(["success", "success"], new[] { text.Text, view.Text });
        Assert.Equal(["VIEW", "text"], messages.Json["messages"]!.AsArray().Select(m => m!["event"]?.GetValue<string>() ?? m["msgType"]!.GetValue<string>()));
        Assert.DoesNotContain("13812345678", messages.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_message_list_bounds_its_page_size_and_knows_only_this_tenants_channels()
    {
        var shop = await WeChatShop.OpenAsync(host);
        var other = await host.NewTenantAsync();

        var tooBig = await shop.MessagesAsync("pageSize=201");
        var notANumber = await shop.MessagesAsync("pageSize=many");
        var badStatus = await shop.MessagesAsync("status=lost");
        var badToken = await shop.MessagesAsync("continuationToken=bm90LWEtdG9rZW4");
        var crossTenant = await shop.MessagesAsync(apiKey: other.Admin);

        Assert.Equal((422, "pageSize"), (tooBig.Status, tooBig.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((400, "invalid-query"), (notANumber.Status, notANumber.Code));
        Assert.Equal((400, "invalid-query"), (badStatus.Status, badStatus.Code));
        Assert.Equal((400, "invalid-continuation-token"), (badToken.Status, badToken.Code));
        Assert.Equal((404, "channel-not-found"), (crossTenant.Status, crossTenant.Code));
    }

    [Fact]
    public async Task The_program_refuses_wechat_rules_outside_their_bounds_naming_each_field()
    {
        var tenant = await host.NewTenantAsync();
        var rules = new
        {
            weChat = new Dictionary<string, object>
            {
                ["oa"] = new
                {
                    subscribe = new { action = "grant", points = WeChatRulesValidator.MaxGrantPoints + 1 },
                    clicks = new Dictionary<string, object> { ["SURVEY"] = new { action = "task", taskId = "missing" } },
                },
            },
        };

        var saved = await CallAsync(Request("PUT", "/api/v1/program", rules, tenant.Admin, new Dictionary<string, string> { ["If-Match"] = "*" }), r => host.Function<ProgramFunctions>().Put(r, CancellationToken.None));

        Assert.Equal((422, "invalid-program"), (saved.Status, saved.Code));
        Assert.Equal(["weChat.oa.subscribe.points", "weChat.oa.clicks.SURVEY.taskId"], saved.Json["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_push_for_one_tenant_sent_to_another_credits_no_one_and_each_tenant_sees_only_its_own_messages()
    {
        var a = await WeChatShop.OpenAsync(host);
        var other = await host.NewTenantAsync();
        await host.SaveRulesAsync(other.TenantId, WeChatShop.Rules);
        await host.RegisterAsync(other.Pos, new { memberId = "m1" });
        await CallAsync(
            Request("PUT", "/api/v1/webhooks/oa", new { token = "otherToken", scheme = "weChatOfficialAccount", appId = WeChatShop.AppId, encodingAesKey = WeChatShop.AesKey, mode = "safe" }, other.Admin),
            r => host.Function<WebhookFunctions>().Configure(r, WeChatShop.Channel, CancellationToken.None));
        await CallAsync(Request("PUT", "/api/v1/members/m1/wechat", new { channel = "oa", openId = WeChatShop.MemberOpenId }, other.Storefront), r => host.Function<WeChatBindingFunctions>().Bind(r, "m1", CancellationToken.None));
        var (query, body) = a.Server.Safe(other.TenantId, a.Event("subscribe"), a.Now, WeChatShop.NewNonce(), WeChatShop.MemberOpenId);

        var misrouted = await a.PostAsync(query, body);
        await a.PushAsync(a.Event("CLICK", "CHECKIN"));
        var otherMessages = await a.MessagesAsync(apiKey: other.Admin);

        Assert.Equal((401, "signature-invalid"), (misrouted.Status, misrouted.Code));
        Assert.Equal(0, (await host.MemberAsync(other.Pos, "m1")).Json["balance"]!.GetValue<long>());
        Assert.Equal(5, await a.BalanceAsync());
        Assert.Equal(200, otherMessages.Status);
        Assert.Empty(otherMessages.Json["messages"]!.AsArray());
    }
}
