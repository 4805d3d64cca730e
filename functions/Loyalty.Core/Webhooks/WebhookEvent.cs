namespace Loyalty.Core.Webhooks;

/// <summary>What a platform tells us a member did. The event id is the idempotency key: a redelivered event credits once.</summary>
public sealed record WebhookEvent(string? EventId, string? MemberId, WebhookAction? Action, string? TaskId, string? Platform, long? Points, string? Reason);

public enum WebhookAction
{
    CheckIn,
    Share,
    Task,
    Grant,
}
