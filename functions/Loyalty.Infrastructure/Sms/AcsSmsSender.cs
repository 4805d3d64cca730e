using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Loyalty.Core.Members;
using Loyalty.Core.Reminders;
using Microsoft.Extensions.Logging;

namespace Loyalty.Infrastructure.Sms;

/// <summary>
/// <see cref="ISmsSender"/> over the Communication Services SMS REST API (the SDK is not served here). One recipient per
/// request; its repeatability id and first-sent time come from the caller (stored in the send log), so every attempt,
/// in this call or a later run, repeats them and the service delivers once. 429, 5xx and timeouts are retried with
/// backoff, honouring <c>Retry-After</c>; a recipient that failed inside the 202 is a failure.
/// </summary>
public sealed class AcsSmsSender(HttpClient http, Uri endpoint, IAcsAuthorizer authorizer, SmsOptions options, TimeProvider time, ILogger<AcsSmsSender> logger) : ISmsSender
{
    public const string ApiVersion = "2021-03-07";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly Uri _sendUri = new(new Uri(endpoint.GetLeftPart(UriPartial.Authority) + "/"), $"sms?api-version={ApiVersion}");

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var from = message.From ?? options.From;
        if (string.IsNullOrWhiteSpace(from))
        {
            return SmsSendResult.Failed($"No sender: set '{SmsOptions.Section}__From' or the program's reminders.senderId.");
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(
            new AcsSendRequest(
                from,
                [new AcsRecipient(message.To, message.Repeatability.RequestId.ToString("D"), AcsRequestSigner.FormatDate(message.Repeatability.FirstSent))],
                message.Text,
                new AcsSendOptions(EnableDeliveryReport: true, message.Tag)),
            Json);
        var to = PhoneNumber.Parse(message.To)?.Redacted ?? "(not a phone number)";
        var last = "no attempt made";
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            var (result, retryAfter) = await AttemptAsync(body, cancellationToken);
            if (result.Outcome != SmsOutcome.Unavailable || retryAfter is null)
            {
                Log(result, to, attempt);
                return result;
            }

            last = result.Error!;
            var wait = retryAfter.Value == TimeSpan.MinValue ? AcsRetryDelay.Backoff(attempt, options.RetryDelay) : retryAfter.Value;
            if (attempt == options.MaxAttempts || wait > options.MaxRetryDelay)
            {
                break;
            }

            logger.LogInformation("SMS to {To}: attempt {Attempt} {Problem}; retrying in {Wait}", to, attempt, last, wait);
            await Task.Delay(wait, time, cancellationToken);
        }

        var unavailable = SmsSendResult.Unavailable(last);
        Log(unavailable, to, options.MaxAttempts);
        return unavailable;
    }

    /// <summary>One request. The wait is null when retrying is pointless, <see cref="TimeSpan.MinValue"/> for "back off".</summary>
    private async Task<(SmsSendResult Result, TimeSpan? RetryAfter)> AttemptAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _sendUri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await authorizer.AuthorizeAsync(request, body, cancellationToken);
        using var timeout = new CancellationTokenSource(options.AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.SendAsync(request, linked.Token);
            var text = await response.Content.ReadAsStringAsync(linked.Token);
            if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
            {
                return (Recipient(text), null);
            }

            var problem = $"HTTP {(int)response.StatusCode}: {ErrorMessage(text)}";
            if (AcsRetryDelay.IsRetriable(response.StatusCode))
            {
                return (SmsSendResult.Unavailable(problem), AcsRetryDelay.Requested(response.Headers, time.GetUtcNow()) ?? TimeSpan.MinValue);
            }

            // A refused key or token is the deployment's fault, not the member's: leave the message for a later run.
            return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? (SmsSendResult.Unavailable(problem), null)
                : (SmsSendResult.Failed(problem), null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (SmsSendResult.Unavailable($"no answer within {options.AttemptTimeout}"), TimeSpan.MinValue);
        }
        catch (HttpRequestException ex)
        {
            return (SmsSendResult.Unavailable($"request failed: {ex.Message}"), TimeSpan.MinValue);
        }
    }

    private static SmsSendResult Recipient(string text)
    {
        AcsRecipientResult? result;
        try
        {
            result = JsonSerializer.Deserialize<AcsSendResponse>(text, Json)?.Value is [var first, ..] ? first : null;
        }
        catch (JsonException)
        {
            result = null;
        }

        return result switch
        {
            null => SmsSendResult.Unavailable("the service accepted the request but named no recipient result"),
            { Successful: true } => SmsSendResult.Sent(result.MessageId),
            _ => SmsSendResult.Failed($"recipient refused (HTTP {result.HttpStatusCode}): {result.ErrorMessage ?? "no reason given"}"),
        };
    }

    private static string ErrorMessage(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message)
                ? message.GetString() ?? "no message"
                : "no error message";
        }
        catch (JsonException)
        {
            return "no error message";
        }
    }

    private void Log(SmsSendResult result, string to, int attempts)
    {
        if (result.Outcome == SmsOutcome.Sent)
        {
            logger.LogInformation("SMS to {To} accepted as {MessageId} after {Attempts} attempt(s)", to, result.MessageId, attempts);
        }
        else
        {
            logger.LogWarning("SMS to {To} {Outcome} after {Attempts} attempt(s): {Error}", to, result.Outcome, attempts, result.Error);
        }
    }
}
