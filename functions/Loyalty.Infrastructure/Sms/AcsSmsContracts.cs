namespace Loyalty.Infrastructure.Sms;

/// <summary>The body of <c>POST /sms?api-version=2021-03-07</c>.</summary>
internal sealed record AcsSendRequest(string From, IReadOnlyList<AcsRecipient> SmsRecipients, string Message, AcsSendOptions SmsSendOptions);

/// <param name="RepeatabilityFirstSent">RFC 1123.</param>
internal sealed record AcsRecipient(string To, string RepeatabilityRequestId, string RepeatabilityFirstSent);

internal sealed record AcsSendOptions(bool EnableDeliveryReport, string? Tag);

/// <summary>The 202 answer: one result per recipient, each of which may have failed.</summary>
internal sealed record AcsSendResponse(IReadOnlyList<AcsRecipientResult>? Value);

internal sealed record AcsRecipientResult(string? To, string? MessageId, int HttpStatusCode, string? RepeatabilityResult, bool Successful, string? ErrorMessage);
