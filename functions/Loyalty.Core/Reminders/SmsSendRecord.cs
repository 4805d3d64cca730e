using System.Globalization;

namespace Loyalty.Core.Reminders;

public enum SmsSendStatus
{
    /// <summary>Written before the first attempt; a crash leaves it so, and the next run sends with the same repeatability.</summary>
    Pending,

    Sent,

    /// <summary>No SMS service is configured: the text is in the SMS outbox, nobody received it.</summary>
    NotSent,

    /// <summary>Refused for good, or still unavailable after <see cref="SmsSendRecord.MaxAttempts"/> runs.</summary>
    Failed,

    /// <summary>The service was throttled or down after the sender's own retries: the next run tries again.</summary>
    Retrying,
}

/// <summary>
/// One pre-expiry reminder to one member: for points whose last usable day is <see cref="LastUsableDay"/>, at
/// <see cref="OffsetDays"/> days before it. Written first, so a member never gets the same reminder twice; the
/// repeatability written with it is what every retry repeats.
/// </summary>
public sealed record SmsSendRecord
{
    public const int MaxAttempts = 5;

    public required string TenantId { get; init; }

    public required string MemberId { get; init; }

    public required DateOnly LastUsableDay { get; init; }

    public required int OffsetDays { get; init; }

    public required SmsRepeatability Repeatability { get; init; }

    /// <summary>The points the text announces, fixed at the first attempt so a retry repeats the same message.</summary>
    public required long Points { get; init; }

    /// <summary>The recipient masked (<c>138****5678</c>).</summary>
    public required string To { get; init; }

    public SmsSendStatus Status { get; init; } = SmsSendStatus.Pending;

    public int Attempts { get; init; }

    public string? MessageId { get; init; }

    public string? Error { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string? ETag { get; init; }

    /// <summary>Whether nothing more will be sent for it.</summary>
    public bool IsSettled => Status is SmsSendStatus.Sent or SmsSendStatus.NotSent or SmsSendStatus.Failed;

    /// <summary>The dedupe key: member, last usable day, offset. Also the message's tag.</summary>
    public string Key => KeyOf(MemberId, LastUsableDay, OffsetDays);

    public static string KeyOf(string memberId, DateOnly lastUsableDay, int offsetDays) =>
        $"{memberId}:{lastUsableDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}:{offsetDays.ToString("D3", CultureInfo.InvariantCulture)}";

    /// <summary>The record after one attempt's result.</summary>
    public SmsSendRecord After(SmsSendResult result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        var attempts = Attempts + 1;
        var status = result.Outcome switch
        {
            SmsOutcome.Sent => SmsSendStatus.Sent,
            SmsOutcome.NotSent => SmsSendStatus.NotSent,
            SmsOutcome.Failed => SmsSendStatus.Failed,
            _ => attempts >= MaxAttempts ? SmsSendStatus.Failed : SmsSendStatus.Retrying,
        };
        return this with { Status = status, Attempts = attempts, MessageId = result.MessageId, Error = result.Error, UpdatedAt = now };
    }
}
