using Loyalty.Core.Programs;
using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Core.Tests.Webhooks;

public sealed class WeChatRulesValidatorTests
{
    private static ProgramRules With(WeChatEventRules rules, string channel = "wechat-oa") => new()
    {
        Activities = new ActivityRules { Tasks = [new TaskRule { TaskId = "visit", Points = 5 }] },
        WeChat = new Dictionary<string, WeChatEventRules> { [channel] = rules },
    };

    private static IReadOnlyList<string> Fields(ProgramRules rules) => [.. ProgramValidator.Validate(rules).Select(e => $"{e.Field}:{e.Rule}")];

    [Fact]
    public void A_follow_grant_a_check_in_menu_and_a_task_scan_are_valid()
    {
        var rules = With(new WeChatEventRules
        {
            Subscribe = new WeChatRule { Action = WeChatAction.Grant, Points = 50, Reply = "欢迎！+{points}" },
            Clicks = new Dictionary<string, WeChatRule> { ["CHECKIN"] = new() { Action = WeChatAction.CheckIn } },
            Scans = new Dictionary<string, WeChatRule> { ["store-001"] = new() { Action = WeChatAction.Task, TaskId = "visit" } },
        });

        Assert.Empty(Fields(rules));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(WeChatRulesValidator.MaxGrantPoints + 1)]
    public void Grant_points_outside_their_bounds_name_the_field(long points)
    {
        var rules = With(new WeChatEventRules { Subscribe = new WeChatRule { Action = WeChatAction.Grant, Points = points } });

        Assert.Equal(["weChat.wechat-oa.subscribe.points:range"], Fields(rules));
    }

    [Fact]
    public void Rules_must_name_an_action_a_known_task_and_use_fields_of_their_action_only()
    {
        var rules = With(new WeChatEventRules
        {
            Clicks = new Dictionary<string, WeChatRule>
            {
                ["A"] = new() { },
                ["B"] = new() { Action = WeChatAction.Task, TaskId = "nope" },
                ["C"] = new() { Action = WeChatAction.CheckIn, Points = 5, TaskId = "visit" },
            },
        });

        Assert.Equal(
            ["weChat.wechat-oa.clicks.A.action:required", "weChat.wechat-oa.clicks.B.taskId:known-task", "weChat.wechat-oa.clicks.C.taskId:task-only", "weChat.wechat-oa.clicks.C.points:grant-only"],
            Fields(rules));
    }

    [Fact]
    public void Keys_fit_what_wechat_sends_and_binding_scenes_are_reserved()
    {
        var rules = With(new WeChatEventRules
        {
            Clicks = new Dictionary<string, WeChatRule> { [new string('键', 43)] = new() { Action = WeChatAction.CheckIn } },
            Scans = new Dictionary<string, WeChatRule>
            {
                ["bind_mine"] = new() { Action = WeChatAction.CheckIn },
                [new string('s', 65)] = new() { Action = WeChatAction.CheckIn },
            },
        });

        Assert.Equal(3, Fields(rules).Count(f => f.EndsWith(":key", StringComparison.Ordinal)));
    }

    [Fact]
    public void Sizes_are_bounded()
    {
        var many = Enumerable.Range(0, WeChatRulesValidator.MaxRulesPerKind + 1).ToDictionary(i => $"K{i}", _ => new WeChatRule { Action = WeChatAction.CheckIn });
        var rules = With(new WeChatEventRules
        {
            Subscribe = new WeChatRule { Action = WeChatAction.CheckIn, Reply = new string('r', WeChatRulesValidator.MaxReplyLength + 1), Reason = string.Empty },
            Clicks = many,
        });
        var channels = new ProgramRules { WeChat = Enumerable.Range(0, WeChatRulesValidator.MaxChannels + 1).ToDictionary(i => $"c{i}", _ => new WeChatEventRules()) };

        Assert.Equal(["weChat.wechat-oa.subscribe.reason:length", "weChat.wechat-oa.subscribe.reply:length", "weChat.wechat-oa.clicks:count"], Fields(rules));
        Assert.Equal(["weChat:count"], Fields(channels));
    }

    [Theory]
    [InlineData("ends ]]> the CDATA")]
    [InlineData("bell \u0007")]
    public void A_reply_that_cannot_travel_as_xml_text_is_refused(string reply)
    {
        var rules = With(new WeChatEventRules { Subscribe = new WeChatRule { Action = WeChatAction.CheckIn, Reply = reply } });

        Assert.Equal(["weChat.wechat-oa.subscribe.reply:length"], Fields(rules));
    }
}
