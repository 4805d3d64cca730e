namespace Loyalty.Core.Webhooks;

/// <summary>The parts of a webhook call that prove who sent it.</summary>
public sealed record WebhookRequest(string TenantId, string Channel, string? Timestamp, string? Nonce, string? Signature, string Body);
