using System.Globalization;
using System.Text.Json;
using Loyalty.Core.Common;
using Loyalty.Core.Programs;
using Loyalty.Core.Webhooks;
using Loyalty.Functions.Tests.Support;
using Loyalty.Functions.Webhooks;
using Microsoft.AspNetCore.Http;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Webhooks;

public sealed class WebhookFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private const string Token = "wechat-token-0123456789";

    private WebhookFunctions Webhooks => host.Function<WebhookFunctions>();

    private async Task<TenantKeys> TenantAsync(SignatureScheme scheme)
    {
        var tenant = await host.NewTenantAsync();
        await host.SaveRulesAsync(tenant.TenantId, new ProgramRules { Activities = new ActivityRules { Tasks = [new TaskRule { TaskId = "follow", Points = 30 }] } });
        await host.RegisterAsync(tenant.Pos, new { memberId = "w1" });
        var configured = await CallAsync(Request("PUT", "/api/v1/webhooks/wechat", new { token = Token, scheme, maxGrantPoints = 100 }, tenant.Admin), r => Webhooks.Configure(r, "wechat", CancellationToken.None));
        Assert.Equal(200, configured.Status);
        Assert.DoesNotContain(Token, configured.Json.ToJsonString(), StringComparison.Ordinal);
        return tenant;
    }

    private string Now(int offsetSeconds = 0) => host.Time.GetUtcNow().AddSeconds(offsetSeconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static HttpRequest Signed(string tenant, string body, string timestamp, string nonce, string? signature = null) =>
        Request("POST", $"/api/v1/webhooks/wechat?tenant={tenant}&timestamp={timestamp}&nonce={nonce}&signature={signature ?? WebhookSignature.WeChat(Token, timestamp, nonce)}", body);

    private static string Event(string eventId, string action, object? extra = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?> { ["eventId"] = eventId, ["memberId"] = "w1", ["action"] = action, ["taskId"] = extra is null ? null : "follow" }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value));

    [Fact]
    public async Task A_signed_event_credits_once_even_when_delivered_again()
    {
        var tenant = await TenantAsync(SignatureScheme.WeChatSha1);
        var body = Event("evt-1", "task", extra: true);
        var ts = Now();

        var first = await CallAsync(Signed(tenant.TenantId, body, ts, "n1"), r => Webhooks.Receive(r, "wechat", CancellationToken.None));
        var redelivered = await CallAsync(Signed(tenant.TenantId, body, ts, "n1"), r => Webhooks.Receive(r, "wechat", CancellationToken.None));
        var resigned = await CallAsync(Signed(tenant.TenantId, body, Now(), "n2"), r => Webhooks.Receive(r, "wechat", CancellationToken.None));

        Assert.Equal(200, first.Status);
        Assert.False(first.Json["replayed"]!.GetValue<bool>());
        Assert.True(redelivered.Json["replayed"]!.GetValue<bool>());
        Assert.True(resigned.Json["replayed"]!.GetValue<bool>());
        Assert.Equal(30, (await host.MemberAsync(tenant.Pos, "w1")).Json["available"]!.GetValue<long>());
    }

    [Fact]
    public async Task Bad_signatures_stale_timestamps_and_reused_nonces_are_refused()
    {
        var tenant = await TenantAsync(SignatureScheme.WeChatSha1);
        await CallAsync(Signed(tenant.TenantId, Event("evt-a", "checkIn"), Now(), "used"), r => Webhooks.Receive(r, "wechat", CancellationToken.None));

        var forged = await CallAsync(Signed(tenant.TenantId, Event("evt-b", "checkIn"), Now(), "n", signature: new string('0', 40)), r => Webhooks.Receive(r, "wechat", CancellationToken.None));
        var stale = await CallAsync(Signed(tenant.TenantId, Event("evt-c", "checkIn"), Now(-301), "n3"), r => Webhooks.Receive(r, "wechat", CancellationToken.None));
        var future = await CallAsync(Signed(tenant.TenantId, Event("evt-d", "checkIn"), Now(301), "n4"), r => Webhooks.Receive(r, "wechat", CancellationToken.None));
        var replay = await CallAsync(Signed(tenant.TenantId, Event("evt-e", "checkIn"), Now(), "used"), r => Webhooks.Receive(r, "wechat", CancellationToken.None));
        var unsigned = await CallAsync(Request("POST", $"/api/v1/webhooks/wechat?tenant={tenant.TenantId}", Event("evt-f", "checkIn")), r => Webhooks.Receive(r, "wechat", CancellationToken.None));
        var otherTenant = await CallAsync(Signed((await host.NewTenantAsync()).TenantId, Event("evt-g", "checkIn"), Now(), "n5"), r => Webhooks.Receive(r, "wechat", CancellationToken.None));

        Assert.Equal((401, "signature-invalid"), (forged.Status, forged.Code));
        Assert.Equal((401, "timestamp-stale"), (stale.Status, stale.Code));
        Assert.Equal((401, "timestamp-stale"), (future.Status, future.Code));
        Assert.Equal((401, "nonce-reused"), (replay.Status, replay.Code));
        Assert.Equal((401, "signature-missing"), (unsigned.Status, unsigned.Code));
        Assert.Equal((404, "channel-not-found"), (otherTenant.Status, otherTenant.Code));
    }

    [Fact]
    public async Task Hmac_channels_sign_the_body_and_grants_stay_within_the_channel_limit()
    {
        var tenant = await TenantAsync(SignatureScheme.HmacSha256);
        HttpRequest Hmac(string body, string nonce)
        {
            var ts = Now();
            return Request("POST", $"/api/v1/webhooks/wechat?tenant={tenant.TenantId}", body, headers: new Dictionary<string, string>
            {
                ["X-Timestamp"] = ts,
                ["X-Nonce"] = nonce,
                ["X-Signature"] = WebhookSignature.Hmac(Token, ts, nonce, body),
            });
        }

        var grant = JsonSerializer.Serialize(new { eventId = "g-1", memberId = "w1", action = "grant", points = 100, reason = "Follow reward" });
        var tooBig = JsonSerializer.Serialize(new { eventId = "g-2", memberId = "w1", action = "grant", points = 101 });
        var tampered = Hmac(grant, "h3");
        tampered.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(grant.Replace("100", "999", StringComparison.Ordinal)));

        var ok = await CallAsync(Hmac(grant, "h1"), r => Webhooks.Receive(r, "wechat", CancellationToken.None));
        var refused = await CallAsync(Hmac(tooBig, "h2"), r => Webhooks.Receive(r, "wechat", CancellationToken.None));
        var forged = await CallAsync(tampered, r => Webhooks.Receive(r, "wechat", CancellationToken.None));

        Assert.Equal(200, ok.Status);
        Assert.Equal(422, refused.Status);
        Assert.Equal((401, "signature-invalid"), (forged.Status, forged.Code));
        Assert.Equal(100, (await host.MemberAsync(tenant.Pos, "w1")).Json["available"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_signed_event_with_a_text_longer_than_its_documented_length_is_422_naming_it_and_credits_nothing()
    {
        var tenant = await TenantAsync(SignatureScheme.WeChatSha1);
        var fields = new Dictionary<string, int> { ["taskId"] = TextBounds.Code.MaxLength, ["platform"] = TextBounds.Code.MaxLength, ["reason"] = TextBounds.Reason.MaxLength };
        var nonce = 0;
        foreach (var (field, max) in fields)
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["eventId"] = "evt-long-" + field, ["memberId"] = "w1", ["action"] = "grant", ["points"] = 5, [field] = new string('x', max + 1) });
            var response = await CallAsync(Signed(tenant.TenantId, body, Now(), $"long-{nonce++}"), r => Webhooks.Receive(r, "wechat", CancellationToken.None));

            Assert.Equal((422, "validation-failed"), (response.Status, response.Code));
            Assert.Contains(response.Json["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == field && e["rule"]!.GetValue<string>() == "length");
        }

        Assert.Equal(0, (await host.MemberAsync(tenant.Pos, "w1")).Json["available"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_echo_handshake_returns_echostr_only_when_signed()
    {
        var tenant = await TenantAsync(SignatureScheme.WeChatSha1);
        var ts = Now();
        var signature = WebhookSignature.WeChat(Token, ts, "e1");

        var ok = await CallAsync(Request("GET", $"/api/v1/webhooks/wechat?tenant={tenant.TenantId}&timestamp={ts}&nonce=e1&signature={signature}&echostr=hello123"), r => Webhooks.Handshake(r, "wechat", CancellationToken.None));
        var bad = await CallAsync(Request("GET", $"/api/v1/webhooks/wechat?tenant={tenant.TenantId}&timestamp={ts}&nonce=e1&signature=deadbeef&echostr=hello123"), r => Webhooks.Handshake(r, "wechat", CancellationToken.None));

        Assert.Equal(200, ok.Status);
        Assert.StartsWith("text/plain", ok.ContentType, StringComparison.Ordinal);
        Assert.Equal("hello123", ok.Text);
        Assert.Equal(401, bad.Status);
    }

    [Fact]
    public async Task A_used_handshake_is_refused_again_and_its_signature_cannot_carry_a_grant()
    {
        var tenant = await TenantAsync(SignatureScheme.WeChatSha1);
        var ts = Now();
        var signature = WebhookSignature.WeChat(Token, ts, "hs1");
        var handshake = $"/api/v1/webhooks/wechat?tenant={tenant.TenantId}&timestamp={ts}&nonce=hs1&signature={signature}&echostr=42";
        var grant = JsonSerializer.Serialize(new { eventId = "g-replay", memberId = "w1", action = "grant", points = 50 });

        var first = await CallAsync(Request("GET", handshake), r => Webhooks.Handshake(r, "wechat", CancellationToken.None));
        var again = await CallAsync(Request("GET", handshake), r => Webhooks.Handshake(r, "wechat", CancellationToken.None));
        var asPost = await CallAsync(Signed(tenant.TenantId, grant, ts, "hs1", signature), r => Webhooks.Receive(r, "wechat", CancellationToken.None));

        Assert.Equal((200, "42"), (first.Status, first.Text));
        Assert.Equal((401, "nonce-reused"), (again.Status, again.Code));
        Assert.Equal((401, "nonce-reused"), (asPost.Status, asPost.Code));
        Assert.Equal(0, (await host.MemberAsync(tenant.Pos, "w1")).Json["available"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_channel_without_a_scheme_signs_with_hmac_and_never_shows_its_secrets()
    {
        var tenant = await host.NewTenantAsync();

        var json = await CallAsync(Request("PUT", "/api/v1/webhooks/partner", new { token = Token }, tenant.Admin), r => Webhooks.Configure(r, "partner", CancellationToken.None));
        var official = await CallAsync(
            Request("PUT", "/api/v1/webhooks/oa", new { token = "weixin", scheme = "weChatOfficialAccount", appId = "wx49f0ab532d5d035a", encodingAesKey = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR", mode = "safe" }, tenant.Admin),
            r => Webhooks.Configure(r, "oa", CancellationToken.None));
        var shortToken = await CallAsync(
            Request("PUT", "/api/v1/webhooks/oa", new { token = "ab", scheme = "weChatOfficialAccount", appId = "wx49f0ab532d5d035a" }, tenant.Admin),
            r => Webhooks.Configure(r, "oa", CancellationToken.None));

        Assert.Equal("hmacSha256", json.Json["scheme"]!.GetValue<string>());
        Assert.Equal(("weChatOfficialAccount", "safe", "wx49f0ab532d5d035a"), (official.Json["scheme"]!.GetValue<string>(), official.Json["mode"]!.GetValue<string>(), official.Json["appId"]!.GetValue<string>()));
        Assert.DoesNotContain("kWxPEV2U", official.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("weixin", official.Text, StringComparison.Ordinal);
        Assert.Equal((422, "token"), (shortToken.Status, shortToken.Json["errors"]![0]!["field"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_oversize_event_is_refused_before_it_is_read_whole()
    {
        var tenant = await TenantAsync(SignatureScheme.WeChatSha1);
        var body = Event("evt-big", "checkIn").Replace("}", $",\"reason\":\"{new string('x', WebhookBody.MaxBytes)}\"}}", StringComparison.Ordinal);

        var response = await CallAsync(Signed(tenant.TenantId, body, Now(), "big"), r => Webhooks.Receive(r, "wechat", CancellationToken.None));

        Assert.Equal((400, "body-too-large"), (response.Status, response.Code));
    }
}
