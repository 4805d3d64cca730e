using Loyalty.Core.Ledger;
using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Core.Webhooks;

/// <summary>What a webhook push is answered with: a JSON receipt for JSON events, WeChat's own answer for an official account.</summary>
public abstract record WebhookAnswer;

public sealed record EventReceipt(LedgerOutcome Outcome) : WebhookAnswer;

public sealed record WeChatAnswer(WeChatReply Reply) : WebhookAnswer;
