using System.Globalization;
using Loyalty.Core.Activities;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;

namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>
/// Runs one program rule for one push through the existing use cases. Check-ins and tasks are keyed by the message, so
/// a WeChat retry replays and a new click meets the use case's own limit; a grant is keyed by the rule and member and
/// carries the message as its reference, so a retry replays while any later message (a re-follow) finds it made.
/// </summary>
public sealed class WeChatActions(ActivityService activities, ChannelGrants grants)
{
    public async Task<WeChatActionOutcome> RunAsync(MemberKey member, string channel, string ruleKey, WeChatRule rule, WeChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(message);
        var action = rule.Action ?? throw new InvalidOperationException($"WeChat rule '{ruleKey}' has no action: the program validator should have refused it.");
        var messageKey = $"wechat:{channel}:{message.Identity}";
        var outcome = action switch
        {
            WeChatAction.CheckIn => await activities.CheckInAsync(member, messageKey, cancellationToken),
            WeChatAction.Task => await activities.CompleteTaskAsync(member, rule.TaskId ?? string.Empty, $"wechat:{ruleKey}", messageKey, cancellationToken),
            _ => await grants.GrantAsync(member, channel, new ChannelGrant($"wechat:{channel}:grant:{ruleKey}", rule.Points ?? 0, "wechat", message.Identity, rule.Reason ?? $"WeChat {ruleKey}"), cancellationToken),
        };
        return outcome.IsSuccess
            ? new WeChatActionOutcome(ruleKey, action, true) { Points = outcome.Value.Entry?.Delta ?? 0, EntryId = outcome.Value.Entry?.EntryId, Balance = outcome.Value.Balance.Balance }
            : new WeChatActionOutcome(ruleKey, action, false) { Code = Refusal(outcome.Error) };
    }

    /// <summary>The member's reply for an earning rule, with its points and balance filled in.</summary>
    public static string? Reply(WeChatRule rule, WeChatActionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Credited && rule.Reply is { } reply
            ? reply.Replace("{points}", outcome.Points.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{balance}", (outcome.Balance ?? 0).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : null;
    }

    // A grant's key already used by another message means the grant was made; say so plainly.
    private static string Refusal(Error error) => error.Code == "idempotency-key-reused" ? "already-granted" : error.Code;
}
