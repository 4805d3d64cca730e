namespace Loyalty.Core.Redemptions;

/// <summary>A message to a member, recorded in the outbox; a sender delivers it. <see cref="NotificationId"/> makes recording it idempotent.</summary>
public sealed record Notification(
    string TenantId,
    string NotificationId,
    string MemberId,
    string Template,
    IReadOnlyDictionary<string, string> Data,
    DateTimeOffset CreatedAt);
