namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>
/// What one official-account channel's events earn, kept in the program (<c>weChat.{channel}</c>): the follow, menu
/// clicks by EventKey, QR scans by scene. Each runs an existing use case with its own limits.
/// </summary>
public sealed record WeChatEventRules
{
    /// <summary>A first follow (<c>subscribe</c>). A grant here is made once per member: unfollowing and following again earns nothing.</summary>
    public WeChatRule? Subscribe { get; init; }

    /// <summary>Menu button EventKey (e.g. <c>CHECKIN</c>) → action.</summary>
    public IReadOnlyDictionary<string, WeChatRule> Clicks { get; init; } = new Dictionary<string, WeChatRule>();

    /// <summary>QR scene (the <c>scene_str</c> or <c>scene_id</c> of a merchant's QR code) → action, on SCAN and on a follow through that code.</summary>
    public IReadOnlyDictionary<string, WeChatRule> Scans { get; init; } = new Dictionary<string, WeChatRule>();
}

public sealed record WeChatRule
{
    public WeChatAction? Action { get; init; }

    /// <summary>For <see cref="WeChatAction.Task"/>: a task of <c>activities.tasks</c>, whose limit (once, N a day or week) applies.</summary>
    public string? TaskId { get; init; }

    /// <summary>For <see cref="WeChatAction.Grant"/>: the points, granted once per member for this rule.</summary>
    public long? Points { get; init; }

    public string? Reason { get; init; }

    /// <summary>Text sent back to the member when the action earned; <c>{points}</c> and <c>{balance}</c> are filled in.</summary>
    public string? Reply { get; init; }
}

public enum WeChatAction
{
    /// <summary>The daily check-in (once per local day, streaks as the program sets).</summary>
    CheckIn,

    Task,

    Grant,
}
