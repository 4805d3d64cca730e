using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Core.Webhooks;
using Loyalty.Core.Webhooks.WeChat;
using Loyalty.Functions;
using Loyalty.Testing;
using Loyalty.Testing.WeChat;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Benchmarks;

/// <summary>
/// (d) A safe-mode CHECKIN push through the whole use case, as the receive function runs it: channel read, msg_signature,
/// AES decryption, XML, nonce row, binding read, program read, the check-in batch, the message-log row, the encrypted
/// reply. WeChat gives an answer 5 seconds; this shows how much of that a push uses.
/// </summary>
internal static class WeChatPushBench
{
    private const string Token = "weixin";
    private const string AppId = "wx49f0ab532d5d035a";
    private const string AesKey = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";

    public static async Task<double> RunAsync(Bench bench, AzuriteFixture azurite, int operations)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LoyaltyStorage"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = azurite.UniqueName("wx"),
            ["Security:PhoneHashKey"] = TestSecrets.NewPhoneHashKey(),
            ["Security:FieldKeys"] = TestSecrets.NewFieldKeys(),
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddLoyaltyFunctions(configuration).BuildServiceProvider();
        var tenant = "bench";
        var configured = await services.GetRequiredService<WebhookChannelService>().ConfigureAsync(tenant, "oa", new ChannelSettings(Token, SignatureScheme.WeChatOfficialAccount) { AppId = AppId, EncodingAesKey = AesKey, Mode = WeChatMode.Safe }, CancellationToken.None);
        var rules = new ProgramRules { WeChat = new Dictionary<string, WeChatEventRules> { ["oa"] = new() { Clicks = new Dictionary<string, WeChatRule> { ["CHECKIN"] = new() { Action = WeChatAction.CheckIn, Reply = "签到成功 +{points}" } } } } };
        var saved = await services.GetRequiredService<ProgramService>().SaveAsync(tenant, rules, null, "bench", CancellationToken.None);
        if (!configured.IsSuccess || !saved.IsSuccess)
        {
            throw new InvalidOperationException("Benchmark set-up failed.");
        }

        var ledger = services.GetRequiredService<ILedgerStore>();
        var bindings = services.GetRequiredService<WeChatBindingService>();
        var openIds = Enumerable.Range(0, operations).Select(i => $"oBench{i:D8}openid").ToArray();
        for (var i = 0; i < operations; i++)
        {
            var member = new MemberKey(tenant, $"m{i}");
            await ledger.CreateAccountAsync(new MemberAccount { Key = member, RegisteredAt = DateTimeOffset.UtcNow }, [], [], CancellationToken.None);
            await bindings.BindAsync(member, new WeChatBindRequest("oa", openIds[i]), CancellationToken.None);
        }

        var webhooks = services.GetRequiredService<WebhookService>();
        var wechat = new WeChatServer(Token, AppId, AesKey);
        return await bench.RunAsync("(d) WeChat safe-mode CHECKIN push, end to end", async i =>
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var (query, body) = wechat.Safe(tenant, WeChatServer.Event(openIds[i], now, "CLICK", "CHECKIN"), now, $"{100000 + i}", openIds[i]);
            var q = QueryHelpers.ParseQuery(query);
            var request = new WebhookRequest(tenant, "oa", q["timestamp"], q["nonce"], q["signature"], body) { MessageSignature = q["msg_signature"], EncryptType = q["encrypt_type"] };
            var answer = await webhooks.ReceiveAsync(request, CancellationToken.None);
            if (answer.Value is not WeChatAnswer { Reply.IsXml: true })
            {
                throw new InvalidOperationException($"Push {i} was not credited: {answer.Error?.Code}.");
            }
        });
    }
}
