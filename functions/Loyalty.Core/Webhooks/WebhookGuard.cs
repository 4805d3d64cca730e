using System.Globalization;
using Loyalty.Core.Common;
using Loyalty.Core.Members;

namespace Loyalty.Core.Webhooks;

/// <summary>
/// What every webhook call passes before it may change anything: a configured channel, a signature that matches
/// (constant-time), a timestamp inside the replay window, and a signed (timestamp, nonce) pair that has not served
/// anything else. A handshake uses its pair up; a push binds its pair to its message, so a replayed handshake, or a
/// handshake's signature replayed as a push, is refused, while WeChat redelivering the same message is recognised.
/// </summary>
public sealed class WebhookGuard(IWebhookChannelStore channels, INonceStore nonces, TimeProvider time)
{
    public const int MaxNonceLength = 64;

    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    public async Task<Result<WebhookChannel>> ChannelAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = MemberKey.IsValidMemberId(request.Channel) ? await channels.GetAsync(request.TenantId, request.Channel, cancellationToken) : null;
        return channel is null ? Error.NotFound("channel-not-found", $"No webhook channel '{request.Channel}' is configured.") : channel;
    }

    /// <summary>Checks <paramref name="presented"/> against <paramref name="expected"/> (computed from the timestamp and nonce once both are known to be there) and the replay window.</summary>
    public Error? Verify(WebhookRequest request, string? presented, Func<string, string, string> expected)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(expected);
        if (string.IsNullOrEmpty(request.Nonce) || request.Nonce.Length > MaxNonceLength || string.IsNullOrEmpty(presented)
            || !long.TryParse(request.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return new Error(ErrorKind.Unauthorized, "signature-missing", "timestamp, nonce and signature are required.");
        }

        if (!WebhookSignature.Matches(expected(request.Timestamp!, request.Nonce), presented))
        {
            return new Error(ErrorKind.Unauthorized, "signature-invalid", "The signature does not match.");
        }

        var sentAt = seconds > 253402300799 ? DateTimeOffset.MaxValue : DateTimeOffset.FromUnixTimeSeconds(seconds);
        return (time.GetUtcNow() - sentAt).Duration() > ReplayWindow
            ? new Error(ErrorKind.Unauthorized, "timestamp-stale", $"The timestamp is outside the {ReplayWindow.TotalMinutes:0}-minute replay window.")
            : null;
    }

    /// <summary>A handshake: its signed pair must never have been seen, and can never be used again.</summary>
    public Task<Error?> UseUpAsync(WebhookRequest request, CancellationToken cancellationToken) =>
        RecordAsync(request, $"GET {Guid.NewGuid():N}", cancellationToken);

    /// <summary>A push: its signed pair serves <paramref name="messageId"/> and nothing else; the same message again (a redelivery) passes.</summary>
    public Task<Error?> BindToMessageAsync(WebhookRequest request, string messageId, CancellationToken cancellationToken) =>
        RecordAsync(request, $"POST {messageId}", cancellationToken);

    private async Task<Error?> RecordAsync(WebhookRequest request, string purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var first = await nonces.RecordAsync(request.TenantId, request.Channel, request.Timestamp!, request.Nonce!, purpose, cancellationToken);
        return first == purpose
            ? null
            : new Error(ErrorKind.Unauthorized, "nonce-reused", "This timestamp and nonce were already used by another request: it is a replay.");
    }
}
