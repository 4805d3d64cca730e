namespace Loyalty.Functions.Webhooks;

/// <summary>The answer to a JSON webhook event: received, whether it was a replay, and the member's balance after it.</summary>
public sealed record WebhookReceipt(bool Received, bool Replayed, string? EntryId, Loyalty.Core.Ledger.BalanceSnapshot Balance);

/// <summary>A page of the messages an official-account channel received.</summary>
public sealed record WeChatMessageList(IReadOnlyList<WeChatMessageView> Messages, string? ContinuationToken);

/// <summary>A member's WeChat bindings.</summary>
public sealed record WeChatBindingList(string MemberId, IReadOnlyList<WeChatBindingView> Bindings);
