using System.Text;
using Loyalty.Core.Common;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>The <c>weChat</c> section of a program: bounded in size, every key usable by WeChat, every task known, every grant bounded.</summary>
public static class WeChatRulesValidator
{
    public const int MaxChannels = 10;
    public const int MaxRulesPerKind = 100;
    public const long MaxGrantPoints = 100_000;
    public const int MaxClickKeyBytes = 128;
    public const int MaxSceneLength = 64;
    public const int MaxReasonLength = 200;
    public const int MaxReplyLength = 600;

    public static readonly TextBound ReplyBound = new(MaxReplyLength);

    public static IEnumerable<FieldError> Validate(ProgramRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.WeChat is null)
        {
            yield return new FieldError("weChat", "required", "weChat is required (omit it for none).");
            yield break;
        }

        if (rules.WeChat.Count > MaxChannels)
        {
            yield return new FieldError("weChat", "count", $"weChat configures at most {MaxChannels} channels.");
        }

        var tasks = rules.Activities?.Tasks.Select(t => t.TaskId).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (channel, events) in rules.WeChat)
        {
            var path = $"weChat.{channel}";
            if (!MemberKey.IsValidMemberId(channel))
            {
                yield return new FieldError(path, "pattern", "A channel id is 1-64 letters, digits, '_', '.' or '-'.");
            }

            if (events is null)
            {
                yield return new FieldError(path, "required", "A channel needs its event rules.");
                continue;
            }

            var found = new List<FieldError>();
            if (events.Subscribe is { } subscribe)
            {
                ValidateRule(subscribe, $"{path}.subscribe", tasks, found);
            }

            ValidateKeys(events.Clicks, $"{path}.clicks", "a menu EventKey of 1-128 bytes", k => Encoding.UTF8.GetByteCount(k) <= MaxClickKeyBytes, tasks, found);
            ValidateKeys(events.Scans, $"{path}.scans", "a QR scene of 1-64 characters not starting with 'bind_' (reserved for member binding codes)", k => k.Length <= MaxSceneLength && !k.StartsWith(WeChatScene.Prefix, StringComparison.Ordinal), tasks, found);
            foreach (var error in found)
            {
                yield return error;
            }
        }
    }

    private static void ValidateKeys(IReadOnlyDictionary<string, WeChatRule>? rules, string path, string what, Func<string, bool> fits, HashSet<string> tasks, List<FieldError> errors)
    {
        if (rules is null)
        {
            errors.Add(new FieldError(path, "required", $"{path} must be an object (omit it for none)."));
            return;
        }

        if (rules.Count > MaxRulesPerKind)
        {
            errors.Add(new FieldError(path, "count", $"{path} holds at most {MaxRulesPerKind} rules."));
        }

        foreach (var (key, rule) in rules)
        {
            if (key.Length == 0 || key.Any(char.IsControl) || !fits(key))
            {
                errors.Add(new FieldError($"{path}.{key}", "key", $"Each key must be {what}."));
            }

            if (rule is null)
            {
                errors.Add(new FieldError($"{path}.{key}", "required", "A rule needs an action."));
                continue;
            }

            ValidateRule(rule, $"{path}.{key}", tasks, errors);
        }
    }

    private static void ValidateRule(WeChatRule rule, string path, HashSet<string> tasks, List<FieldError> errors)
    {
        switch (rule.Action)
        {
            case null:
                errors.Add(new FieldError($"{path}.action", "required", "action is required: checkIn, task or grant."));
                break;
            case WeChatAction.Task when rule.TaskId is null || !tasks.Contains(rule.TaskId):
                errors.Add(new FieldError($"{path}.taskId", "known-task", "taskId must name a task of activities.tasks."));
                break;
            case WeChatAction.Grant when rule.Points is not (>= 1 and <= MaxGrantPoints):
                errors.Add(new FieldError($"{path}.points", "range", $"points must be between 1 and {MaxGrantPoints}."));
                break;
        }

        if (rule.Action is not WeChatAction.Task && rule.TaskId is not null)
        {
            errors.Add(new FieldError($"{path}.taskId", "task-only", "taskId applies to action task only."));
        }

        if (rule.Action is not WeChatAction.Grant && rule.Points is not null)
        {
            errors.Add(new FieldError($"{path}.points", "grant-only", "points applies to action grant only; check-ins and tasks earn what the program gives them."));
        }

        if (rule.Reason is { Length: 0 or > MaxReasonLength })
        {
            errors.Add(new FieldError($"{path}.reason", "length", $"reason must be 1-{MaxReasonLength} characters."));
        }

        // The reply goes out as XML text: no "]]>" (it would end the CDATA) and no control characters but line breaks.
        if (rule.Reply is { } reply && (reply.Length is 0 or > MaxReplyLength || reply.Contains("]]>", StringComparison.Ordinal) || reply.Any(c => char.IsControl(c) && c != '\n')))
        {
            errors.Add(new FieldError($"{path}.reply", "length", $"reply must be 1-{MaxReplyLength} characters (WeChat's text limit), without ']]>' or control characters other than line breaks."));
        }
    }
}
