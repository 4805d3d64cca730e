using Loyalty.Core.Members;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>
/// Decides what a verified push means for the loyalty program: whose it is (its openid's binding, or the member whose
/// QR scene was scanned), which rules of <c>weChat.{channel}</c> apply, and runs them. An openid bound to no member
/// is recorded and credits nothing.
/// </summary>
public sealed class WeChatEventHandler(WeChatBindingService bindings, ProgramService programs, WeChatActions actions, TimeProvider time)
{
    private const string SubscribeScenePrefix = "qrscene_";

    public async Task<WeChatHandling> HandleAsync(WebhookChannel channel, WeChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(message);
        var record = new WeChatMessageRecord(channel.TenantId, channel.Channel, message.Identity, message.OpenId, message.MsgType, DateTimeOffset.FromUnixTimeSeconds(message.CreateTime), time.GetUtcNow(), WeChatMessageStatus.Ignored)
        {
            Event = message.Event,
            EventKey = message.EventKey,
        };
        var scene = Scene(message);
        string? memberId = null;
        string? refusal = null;
        if (WeChatScene.IsBindingScene(scene))
        {
            var claimed = await bindings.ClaimSceneAsync(channel, scene!, message.OpenId, cancellationToken);
            memberId = claimed.Value?.MemberId;
            refusal = claimed.Error?.Code;
            record = record with { Bound = claimed.IsSuccess };
        }

        memberId ??= (await bindings.FindAsync(channel.TenantId, channel.Channel, message.OpenId, cancellationToken))?.MemberId;
        var program = await programs.GetAsync(channel.TenantId, cancellationToken);
        var rules = program.Rules.WeChat.TryGetValue(channel.Channel, out var found) ? Applicable(found, message, scene) : [];
        if (memberId is null)
        {
            return new WeChatHandling(record with { Status = WeChatMessageStatus.Unbound, Code = refusal }, null);
        }

        var outcomes = new List<WeChatActionOutcome>();
        string? reply = null;
        foreach (var (key, rule) in rules)
        {
            var outcome = await actions.RunAsync(new MemberKey(channel.TenantId, memberId), channel.Channel, key, rule, message, cancellationToken);
            outcomes.Add(outcome);
            reply ??= WeChatActions.Reply(rule, outcome);
        }

        var status = outcomes.Any(o => o.Credited) ? WeChatMessageStatus.Credited
            : outcomes.Count > 0 ? WeChatMessageStatus.Refused
            : record.Bound ? WeChatMessageStatus.Bound
            : WeChatMessageStatus.Ignored;
        return new WeChatHandling(record with { Status = status, MemberId = memberId, Actions = outcomes, Code = refusal ?? outcomes.FirstOrDefault(o => !o.Credited)?.Code }, reply);
    }

    /// <summary>The QR scene of a SCAN, or of a follow through a QR code (<c>qrscene_</c> + scene).</summary>
    private static string? Scene(WeChatMessage message) =>
        message.IsEvent("SCAN") ? message.EventKey
        : message.IsEvent("subscribe") && message.EventKey is { } key && key.StartsWith(SubscribeScenePrefix, StringComparison.Ordinal) ? key[SubscribeScenePrefix.Length..]
        : null;

    private static List<(string Key, WeChatRule Rule)> Applicable(WeChatEventRules rules, WeChatMessage message, string? scene)
    {
        var applicable = new List<(string, WeChatRule)>();
        if (message.IsEvent("subscribe") && rules.Subscribe is { } subscribe)
        {
            applicable.Add(("subscribe", subscribe));
        }

        if (message.IsEvent("CLICK") && message.EventKey is { } key && rules.Clicks.TryGetValue(key, out var click))
        {
            applicable.Add(($"click:{key}", click));
        }

        if (scene is not null && !WeChatScene.IsBindingScene(scene) && rules.Scans.TryGetValue(scene, out var scan))
        {
            applicable.Add(($"scan:{scene}", scan));
        }

        return applicable;
    }
}

/// <summary>What a push came to: its record, and the text to send the member when a rule earned and has a reply.</summary>
public sealed record WeChatHandling(WeChatMessageRecord Record, string? Reply);
