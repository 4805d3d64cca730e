namespace Loyalty.Core.Reminders;

/// <summary>
/// Sends one text message. A send is repeatable: the same <see cref="SmsRepeatability"/> sent again (a retry after a
/// timeout, a later run) is recognised by the service and delivered once.
/// </summary>
public interface ISmsSender
{
    Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}

/// <param name="To">E.164; never log it in full (<see cref="Members.PhoneNumber"/> masks it).</param>
/// <param name="Tag">What the message is about (e.g. the send-log key), kept with the delivery report.</param>
public sealed record SmsMessage(string TenantId, string? From, string To, string Text, SmsRepeatability Repeatability, string Tag);

/// <summary>The id and first-attempt time a retry must repeat, or a retry would send twice. Stored with the send log before the first attempt.</summary>
public sealed record SmsRepeatability(Guid RequestId, DateTimeOffset FirstSent);

public enum SmsOutcome
{
    /// <summary>The service accepted the message for this recipient.</summary>
    Sent,

    /// <summary>Refused for good (a bad number, a bad request): recorded, never retried.</summary>
    Failed,

    /// <summary>Throttled, unavailable or unauthorised after the sender's own retries: retried later with the same repeatability.</summary>
    Unavailable,

    /// <summary>No SMS service is configured: the message went to the SMS outbox and nobody received it.</summary>
    NotSent,
}

public sealed record SmsSendResult(SmsOutcome Outcome, string? MessageId, string? Error)
{
    public static SmsSendResult Sent(string? messageId) => new(SmsOutcome.Sent, messageId, null);

    public static SmsSendResult Failed(string error) => new(SmsOutcome.Failed, null, error);

    public static SmsSendResult Unavailable(string error) => new(SmsOutcome.Unavailable, null, error);
}
