using System.Globalization;
using System.Text;
using Loyalty.Core.Programs;
using Loyalty.Core.Webhooks.WeChat;
using Loyalty.Functions.Tests.Support;
using Loyalty.Functions.Webhooks;
using Loyalty.Testing.WeChat;
using Microsoft.AspNetCore.Http;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Webhooks;

/// <summary>
/// A tenant with an official-account channel <c>oa</c>, member m1 bound to <see cref="MemberOpenId"/>, and a program
/// that grants 50 for a follow, runs the check-in on the CHECKIN menu and the daily "visit" task on the store-001 code.
/// </summary>
internal sealed class WeChatShop(FunctionsHost host, TenantKeys tenant, WeChatServer server)
{
    public const string Channel = "oa";
    public const string Token = "weixin";
    public const string AppId = "wx49f0ab532d5d035a";
    public const string AesKey = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
    public const string MemberOpenId = "oMember0001openid";

    private static int _nonce = 1_000_000;

    public TenantKeys Tenant => tenant;

    public WeChatServer Server => server;

    public static ProgramRules Rules => new()
    {
        Activities = new ActivityRules
        {
            CheckIn = new CheckInRules { Points = 5 },
            Tasks = [new TaskRule { TaskId = "visit", Points = 10, Limit = TaskLimit.Daily }],
        },
        WeChat = new Dictionary<string, WeChatEventRules>
        {
            [Channel] = new()
            {
                Subscribe = new WeChatRule { Action = WeChatAction.Grant, Points = 50, Reason = "关注有礼", Reply = "欢迎关注！已赠送 {points} 积分" },
                Clicks = new Dictionary<string, WeChatRule> { ["CHECKIN"] = new() { Action = WeChatAction.CheckIn, Reply = "签到成功 +{points}，当前积分 {balance}" } },
                Scans = new Dictionary<string, WeChatRule> { ["store-001"] = new() { Action = WeChatAction.Task, TaskId = "visit" } },
            },
        },
    };

    public static async Task<WeChatShop> OpenAsync(FunctionsHost host, WeChatMode mode = WeChatMode.Safe, TenantKeys? existing = null)
    {
        var tenant = existing ?? await host.NewTenantAsync();
        await host.SaveRulesAsync(tenant.TenantId, Rules);
        await host.RegisterAsync(tenant.Pos, new { memberId = "m1" });
        await host.RegisterAsync(tenant.Pos, new { memberId = "m2" });
        var configured = await CallAsync(
            Request("PUT", $"/api/v1/webhooks/{Channel}", new { token = Token, scheme = "weChatOfficialAccount", appId = AppId, encodingAesKey = mode == WeChatMode.Plain ? null : AesKey, mode }, tenant.Admin),
            r => host.Function<WebhookFunctions>().Configure(r, Channel, CancellationToken.None));
        Assert.Equal(200, configured.Status);
        var shop = new WeChatShop(host, tenant, new WeChatServer(Token, AppId, mode == WeChatMode.Plain ? null : AesKey));
        Assert.Equal(200, (await shop.BindAsync("m1", MemberOpenId)).Status);
        return shop;
    }

    public static string NewNonce() => Interlocked.Increment(ref _nonce).ToString(CultureInfo.InvariantCulture);

    public long Now => host.Time.GetUtcNow().ToUnixTimeSeconds();

    public string Event(string @event, string? key = null, string openId = MemberOpenId, long? createTime = null) =>
        WeChatServer.Event(openId, createTime ?? Now, @event, key, server.Account);

    public Task<Response> BindAsync(string memberId, string openId, string? apiKey = null) =>
        CallAsync(Request("PUT", $"/api/v1/members/{memberId}/wechat", new { channel = Channel, openId }, apiKey ?? tenant.Storefront), r => host.Function<WeChatBindingFunctions>().Bind(r, memberId, CancellationToken.None));

    /// <summary>Sends the push encrypted (safe mode) or plain, signed now with a fresh nonce unless one is given.</summary>
    public Task<Response> PushAsync(string xml, bool encrypted = true, string? nonce = null, long? timestamp = null, string openId = MemberOpenId)
    {
        var (query, body) = encrypted
            ? server.Safe(tenant.TenantId, xml, timestamp ?? Now, nonce ?? NewNonce(), openId)
            : server.Plain(tenant.TenantId, xml, timestamp ?? Now, nonce ?? NewNonce(), openId);
        return PostAsync(query, body);
    }

    public Task<Response> PostAsync(string query, string body)
    {
        var request = Request("POST", $"/api/v1/webhooks/{Channel}?{query}");
        request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        request.ContentType = "text/xml";
        return Receive(request);
    }

    public Task<Response> Receive(HttpRequest request) => CallAsync(request, r => host.Function<WebhookFunctions>().Receive(r, Channel, CancellationToken.None));

    public async Task<long> BalanceAsync(string memberId = "m1") => (await host.MemberAsync(tenant.Pos, memberId)).Json["balance"]!.GetValue<long>();

    public Task<Response> MessagesAsync(string query = "", string? apiKey = null) =>
        CallAsync(Request("GET", $"/api/v1/webhooks/{Channel}/messages?{query}", apiKey: apiKey ?? tenant.Admin), r => host.Function<WebhookFunctions>().Messages(r, Channel, CancellationToken.None));
}
