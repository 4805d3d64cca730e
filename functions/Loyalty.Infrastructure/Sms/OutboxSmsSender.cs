using Loyalty.Core.Members;
using Loyalty.Core.Reminders;
using Microsoft.Extensions.Logging;

namespace Loyalty.Infrastructure.Sms;

/// <summary>
/// Used when no Communication Services is configured (local runs, tests): the message goes to the SMS outbox, marked
/// as not sent, with the number masked. Nothing pretends to have been delivered.
/// </summary>
public sealed class OutboxSmsSender(ISmsOutbox outbox, SmsOptions options, ILogger<OutboxSmsSender> logger) : ISmsSender
{
    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var to = PhoneNumber.Parse(message.To)?.Redacted ?? "(not a phone number)";
        var entry = new SmsOutboxEntry(
            message.TenantId,
            EntryId(message.Repeatability),
            message.From ?? options.From,
            to,
            message.Text,
            message.Tag,
            SmsOutboxEntry.NotSentStatus,
            message.Repeatability.FirstSent);
        await outbox.AddAsync(entry, cancellationToken);
        logger.LogInformation("SMS to {To} put in the SMS outbox, {Status}", to, SmsOutboxEntry.NotSentStatus);
        return new SmsSendResult(SmsOutcome.NotSent, null, SmsOutboxEntry.NotSentStatus);
    }

    /// <summary>One outbox row per repeatability: a retry of the same message lands on the same row.</summary>
    public static string EntryId(SmsRepeatability repeatability)
    {
        ArgumentNullException.ThrowIfNull(repeatability);
        return repeatability.RequestId.ToString("N");
    }
}
