using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Loyalty.EndToEnd.Tests.Hosting;
using Loyalty.Testing.WeChat;

namespace Loyalty.EndToEnd.Tests.Api;

/// <summary>
/// A WeChat official account in safe mode, over real HTTP through the dev host: every push built, signed and encrypted
/// by the tests' own WeChat stand-in, every answer read as WeChat reads it.
/// </summary>
public sealed class WeChatApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Token = "weixin";
    private const string AppId = "wx49f0ab532d5d035a";
    private const string AesKey = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
    private const string OpenId = "oMemberE2E01openid";

    private static int _nonce = 2_000_000;

    private readonly WeChatServer _wechat = new(Token, AppId, AesKey);

    private static string Nonce() => Interlocked.Increment(ref _nonce).ToString(CultureInfo.InvariantCulture);

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private async Task<(TestShop Shop, string TenantId)> OpenAsync()
    {
        var shop = await TestShop.OpenAsync(fixture, "wx");
        using var program = await shop.Admin.SendAsync(HttpMethod.Put, "api/v1/program", JsonContent.Create(new
        {
            activities = new { checkIn = new { points = 5 } },
            weChat = new Dictionary<string, object>
            {
                ["oa"] = new
                {
                    subscribe = new { action = "grant", points = 50, reason = "关注有礼" },
                    clicks = new Dictionary<string, object> { ["CHECKIN"] = new { action = "checkIn", reply = "签到成功 +{points}" } },
                },
            },
        }), ifMatch: "\"0\"");
        await Json.ReadAsync(program, 200);
        using var channel = await shop.Admin.SendAsync(HttpMethod.Put, "api/v1/webhooks/oa", JsonContent.Create(new { token = Token, scheme = "weChatOfficialAccount", appId = AppId, encodingAesKey = AesKey, mode = "safe" }));
        await Json.ReadAsync(channel, 200);
        using var bound = await shop.Admin.SendAsync(HttpMethod.Put, $"api/v1/members/{shop.MemberId}/wechat", JsonContent.Create(new { channel = "oa", openId = OpenId }));
        await Json.ReadAsync(bound, 200);
        return (shop, shop.Tenant.TenantId);
    }

    private async Task<(int Status, string Body)> PostAsync(string query, string body)
    {
        using var response = await fixture.Client.PostAsync($"api/v1/webhooks/oa?{query}", new StringContent(body, Encoding.UTF8, "text/xml"));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<(int Status, string Body)> PushAsync(string tenant, string xml, string openId = OpenId)
    {
        var (query, body) = _wechat.Safe(tenant, xml, Now, Nonce(), openId);
        return PostAsync(query, body);
    }

    private static async Task<long> BalanceAsync(TestShop shop)
    {
        using var member = await shop.Pos.GetAsync($"api/v1/members/{shop.MemberId}");
        return (await Json.ReadAsync(member, 200))["balance"]!.GetValue<long>();
    }

    [Fact]
    public async Task A_safe_mode_follow_grants_once_even_when_wechat_retries_it_three_times()
    {
        var (shop, tenant) = await OpenAsync();
        var follow = WeChatServer.Event(OpenId, Now, "subscribe");
        var (query, body) = _wechat.Safe(tenant, follow, Now, Nonce(), OpenId);

        var first = await PostAsync(query, body);
        var retries = new[] { await PostAsync(query, body), await PushAsync(tenant, follow), await PushAsync(tenant, follow) };

        Assert.Equal((200, "success"), first);
        Assert.All(retries, r => Assert.Equal((200, "success"), r));
        Assert.Equal(50, await BalanceAsync(shop));
        using var ledger = await shop.Pos.GetAsync($"api/v1/members/{shop.MemberId}/ledger");
        var entry = Assert.Single((await Json.ReadAsync(ledger, 200))["entries"]!.AsArray())!;
        Assert.Equal(("关注有礼", 50), (entry["reason"]!.GetValue<string>(), entry["delta"]!.GetValue<long>()));
    }

    [Fact]
    public async Task A_second_check_in_click_the_same_day_grants_nothing_and_still_answers_success()
    {
        var (shop, tenant) = await OpenAsync();

        var first = await PushAsync(tenant, WeChatServer.Event(OpenId, Now, "CLICK", "CHECKIN"));
        var second = await PushAsync(tenant, WeChatServer.Event(OpenId, Now + 1, "CLICK", "CHECKIN"));

        Assert.Equal(200, first.Status);
        Assert.Equal("签到成功 +5", _wechat.OpenReply(first.Body).Element("Content")!.Value);
        Assert.Equal((200, "success"), second);
        Assert.Equal(5, await BalanceAsync(shop));
    }

    [Fact]
    public async Task An_unbound_openid_credits_nothing_and_shows_in_the_unbound_list()
    {
        var (shop, tenant) = await OpenAsync();

        var follow = await PushAsync(tenant, WeChatServer.Event("oStrangerE2E1openid", Now, "subscribe"), "oStrangerE2E1openid");
        var click = await PushAsync(tenant, WeChatServer.Event("oStrangerE2E1openid", Now + 1, "CLICK", "CHECKIN"), "oStrangerE2E1openid");
        using var unbound = await shop.Admin.GetAsync("api/v1/webhooks/oa/messages?status=unbound");

        Assert.Equal([(200, "success"), (200, "success")], new[] { follow, click });
        Assert.Equal(0, await BalanceAsync(shop));
        var messages = (await Json.ReadAsync(unbound, 200))["messages"]!.AsArray();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal("oStrangerE2E1openid", m!["openId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_replayed_handshake_is_refused_and_so_is_its_signature_on_a_push()
    {
        var (shop, tenant) = await OpenAsync();
        var handshake = _wechat.Handshake(tenant, Now, Nonce(), "6302386512489623584");

        using var first = await fixture.Client.GetAsync($"api/v1/webhooks/oa?{handshake}");
        using var replayed = await fixture.Client.GetAsync($"api/v1/webhooks/oa?{handshake}");
        var asPush = await PostAsync(handshake, WeChatServer.Event(OpenId, Now, "subscribe"));

        Assert.Equal("6302386512489623584", await first.Content.ReadAsStringAsync());
        Assert.Equal("nonce-reused", (await Json.ReadAsync(replayed, 401))["code"]!.GetValue<string>());
        Assert.Equal(401, asPush.Status);
        Assert.Equal(0, await BalanceAsync(shop));
    }

    [Fact]
    public async Task Xml_with_a_doctype_or_entity_is_refused()
    {
        var (shop, tenant) = await OpenAsync();
        var withEntity = $"<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY me \"{OpenId}\"><!ENTITY file SYSTEM \"file:///etc/hostname\">]>"
            + $"<xml><ToUserName>gh_3f2a0c1b9d8e</ToUserName><FromUserName>&me;</FromUserName><CreateTime>{Now}</CreateTime><MsgType>event</MsgType><Event>subscribe</Event><EventKey>&file;</EventKey></xml>";

        var encrypted = await PushAsync(tenant, withEntity);
        var (query, _) = _wechat.Safe(tenant, withEntity, Now, Nonce(), OpenId);
        var asEnvelope = await PostAsync(query, withEntity);

        Assert.Equal(400, encrypted.Status);
        Assert.Equal("xml-dtd-prohibited", JsonNode.Parse(encrypted.Body)!["code"]!.GetValue<string>());
        Assert.Equal(400, asEnvelope.Status);
        Assert.Equal("xml-dtd-prohibited", JsonNode.Parse(asEnvelope.Body)!["code"]!.GetValue<string>());
        Assert.Equal(0, await BalanceAsync(shop));
    }

    [Fact]
    public async Task An_oversize_body_is_refused()
    {
        var (shop, tenant) = await OpenAsync();
        var padded = WeChatServer.Event(OpenId, Now, "subscribe").Replace("</xml>", $"<Padding>{new string('x', 70_000)}</Padding></xml>", StringComparison.Ordinal);

        var oversize = await PushAsync(tenant, padded);

        Assert.Equal(400, oversize.Status);
        Assert.Equal("body-too-large", JsonNode.Parse(oversize.Body)!["code"]!.GetValue<string>());
        Assert.Equal(0, await BalanceAsync(shop));
    }
}
