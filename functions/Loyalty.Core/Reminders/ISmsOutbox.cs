namespace Loyalty.Core.Reminders;

/// <summary>Where messages go when no SMS service is configured (local runs): kept for a person to read, never sent.</summary>
public interface ISmsOutbox
{
    /// <summary>Adds the message once (a repeated add of the same repeatability id keeps one row).</summary>
    Task AddAsync(SmsOutboxEntry entry, CancellationToken cancellationToken);

    /// <summary>Newest first, at most <paramref name="max"/>, after <paramref name="cursor"/>.</summary>
    Task<SmsOutboxPage> ListAsync(string tenantId, string? cursor, int max, CancellationToken cancellationToken);

    /// <summary>Removes the message the repeatability was first sent with (erasure); safe to repeat.</summary>
    Task RemoveAsync(string tenantId, SmsRepeatability repeatability, CancellationToken cancellationToken);
}

/// <param name="To">The recipient masked (<c>138****5678</c>): the outbox never holds a full number.</param>
public sealed record SmsOutboxEntry(string TenantId, string Id, string? From, string To, string Text, string Tag, string Status, DateTimeOffset CreatedAt)
{
    public const string NotSentStatus = "not sent: no SMS service configured";
}

public sealed record SmsOutboxPage(IReadOnlyList<SmsOutboxEntry> Items, string? ContinuationToken);
