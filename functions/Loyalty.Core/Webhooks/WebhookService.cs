using System.Globalization;
using System.Text.Json;
using Loyalty.Core.Activities;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Webhooks;

/// <summary>
/// Signed webhooks: verify the signature (constant-time), refuse timestamps outside the replay window and nonces
/// already used by another event, then run the same earning use case as the API, keyed by the event id.
/// </summary>
public sealed class WebhookService(IWebhookChannelStore channels, INonceStore nonces, ActivityService activities, LedgerService ledger, ProgramService programs, TimeProvider time)
{
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    public async Task<Result<WebhookChannel>> ConfigureAsync(string tenantId, string channel, string? token, SignatureScheme scheme, long maxGrantPoints, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!MemberKey.IsValidMemberId(channel))
        {
            errors.Add(new FieldError("channel", "pattern", "channel must be 1-64 letters, digits, '_', '.' or '-'."));
        }

        if (token is null || token.Length is < 16 or > 128)
        {
            errors.Add(new FieldError("token", "length", "token must be 16-128 characters."));
        }

        if (maxGrantPoints is < 0 or > AdjustmentService.MaxDelta)
        {
            errors.Add(new FieldError("maxGrantPoints", "range", "maxGrantPoints must be between 0 (no grants) and 10000000."));
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var saved = new WebhookChannel(tenantId, channel, token!, scheme, maxGrantPoints, time.GetUtcNow());
        await channels.SaveAsync(saved, cancellationToken);
        return saved;
    }

    /// <summary>The echo handshake (GET with echostr): proves the endpoint holds the token.</summary>
    public async Task<Result<string>> EchoAsync(WebhookRequest request, string? echo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = await VerifyAsync(request, cancellationToken);
        if (!channel.IsSuccess)
        {
            return channel.Error;
        }

        return string.IsNullOrEmpty(echo) ? Error.BadRequest("echostr-required", "echostr is required for the handshake.", "echostr") : echo;
    }

    public async Task<Result<LedgerOutcome>> HandleAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = await VerifyAsync(request, cancellationToken);
        if (!channel.IsSuccess)
        {
            return channel.Error;
        }

        var parsed = Parse(request.Body);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        var e = parsed.Value;
        var firstEvent = await nonces.RecordAsync(request.TenantId, request.Channel, request.Nonce!, e.EventId!, cancellationToken);
        if (firstEvent != e.EventId)
        {
            return new Error(ErrorKind.Unauthorized, "nonce-reused", "This nonce was already used by another event: the request is a replay.");
        }

        var member = new MemberKey(request.TenantId, e.MemberId!);
        var key = $"webhook:{request.Channel}:{e.EventId}";
        return e.Action switch
        {
            WebhookAction.CheckIn => await activities.CheckInAsync(member, key, cancellationToken),
            WebhookAction.Share => await activities.ShareAsync(member, e.Platform, e.EventId, key, cancellationToken),
            WebhookAction.Task => await activities.CompleteTaskAsync(member, e.TaskId ?? string.Empty, e.EventId, key, cancellationToken),
            _ => await GrantAsync(member, channel.Value, e, key, cancellationToken),
        };
    }

    private async Task<Result<LedgerOutcome>> GrantAsync(MemberKey member, WebhookChannel channel, WebhookEvent e, string key, CancellationToken cancellationToken)
    {
        if (e.Points is not { } points || points <= 0 || points > channel.MaxGrantPoints)
        {
            return Error.Validation("points", "range", $"A grant from channel '{channel.Channel}' must be between 1 and {channel.MaxGrantPoints} points.");
        }

        var program = await programs.GetAsync(member.TenantId, cancellationToken);
        var expiresAt = program.Rules.Expiry.ExpiresAt(time.GetUtcNow(), program.Rules.Zone());
        var command = new EarnPoints(key, new EarnRequest(points, expiresAt, "webhook", e.EventId, e.Reason ?? $"Granted by {channel.Channel}"))
        {
            Operator = $"webhook:{channel.Channel}",
            ProgramVersion = program.Version,
        };
        return await ledger.ExecuteAsync(member, command, cancellationToken);
    }

    private async Task<Result<WebhookChannel>> VerifyAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var channel = MemberKey.IsValidMemberId(request.Channel) ? await channels.GetAsync(request.TenantId, request.Channel, cancellationToken) : null;
        if (channel is null)
        {
            return Error.NotFound("channel-not-found", $"No webhook channel '{request.Channel}' is configured.");
        }

        if (string.IsNullOrEmpty(request.Nonce) || request.Nonce.Length > 64 || string.IsNullOrEmpty(request.Signature)
            || !long.TryParse(request.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return new Error(ErrorKind.Unauthorized, "signature-missing", "timestamp, nonce and signature are required.");
        }

        var expected = channel.Scheme == SignatureScheme.WeChatSha1
            ? WebhookSignature.WeChat(channel.Token, request.Timestamp!, request.Nonce)
            : WebhookSignature.Hmac(channel.Token, request.Timestamp!, request.Nonce, request.Body);
        if (!WebhookSignature.Matches(expected, request.Signature))
        {
            return new Error(ErrorKind.Unauthorized, "signature-invalid", "The signature does not match.");
        }

        var sentAt = seconds > 253402300799 ? DateTimeOffset.MaxValue : DateTimeOffset.FromUnixTimeSeconds(seconds);
        var age = time.GetUtcNow() - sentAt;
        return age.Duration() > ReplayWindow
            ? new Error(ErrorKind.Unauthorized, "timestamp-stale", $"The timestamp is outside the {ReplayWindow.TotalMinutes:0}-minute replay window.")
            : channel;
    }

    private static Result<WebhookEvent> Parse(string body)
    {
        WebhookEvent? e;
        try
        {
            e = JsonSerializer.Deserialize<WebhookEvent>(body, LoyaltyJson.Options);
        }
        catch (JsonException ex)
        {
            return Error.BadRequest("invalid-json", "The event is not valid JSON.", ex.Path?.TrimStart('$', '.'));
        }

        var errors = new List<FieldError>();
        if (e is null || !MemberKey.IsValidMemberId(e.EventId))
        {
            errors.Add(new FieldError("eventId", "pattern", "eventId is required: 1-64 letters, digits, '_', '.' or '-'."));
        }

        if (e is null || !MemberKey.IsValidMemberId(e.MemberId))
        {
            errors.Add(new FieldError("memberId", "pattern", "memberId is required."));
        }

        if (e?.Action is null)
        {
            errors.Add(new FieldError("action", "required", "action is required: checkIn, share, task or grant."));
        }

        return errors.Count > 0 ? Error.Validation(errors) : e!;
    }
}
