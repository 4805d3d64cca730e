namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>One rule run for a push: which rule, and the entry it wrote or the code of the limit that refused it.</summary>
public sealed record WeChatActionOutcome(string Rule, WeChatAction Action, bool Credited)
{
    public long Points { get; init; }

    public string? EntryId { get; init; }

    public long? Balance { get; init; }

    public string? Code { get; init; }
}
