using System.Text.Json;
using Loyalty.Core.Activities;
using Loyalty.Core.Common;
using Loyalty.Core.Members;
using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Core.Webhooks;

/// <summary>
/// Signed webhooks. Every call passes the <see cref="WebhookGuard"/> first. A WeChat official account's XML pushes go
/// to <see cref="WeChatPushService"/>; JSON events run the same earning use cases as the API, keyed by the event id.
/// </summary>
public sealed class WebhookService(WebhookGuard guard, ActivityService activities, ChannelGrants grants, WeChatPushService wechat)
{
    public const int MaxEchoLength = 128;

    /// <summary>The echo handshake (GET with echostr): proves the endpoint holds the token, and uses its nonce up.</summary>
    public async Task<Result<string>> EchoAsync(WebhookRequest request, string? echo, CancellationToken cancellationToken)
    {
        var channel = await guard.ChannelAsync(request, cancellationToken);
        if (!channel.IsSuccess)
        {
            return channel.Error;
        }

        if (guard.Verify(request, request.Signature, (timestamp, nonce) => Expected(channel.Value, timestamp, nonce, string.Empty)) is { } unsigned)
        {
            return unsigned;
        }

        if (string.IsNullOrEmpty(echo) || echo.Length > MaxEchoLength)
        {
            return Error.BadRequest("echostr-required", $"echostr is required for the handshake (at most {MaxEchoLength} characters).", "echostr");
        }

        return await guard.UseUpAsync(request, cancellationToken) is { } replay ? replay : echo;
    }

    public async Task<Result<WebhookAnswer>> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var channel = await guard.ChannelAsync(request, cancellationToken);
        if (!channel.IsSuccess)
        {
            return channel.Error;
        }

        if (channel.Value.Scheme == SignatureScheme.WeChatOfficialAccount)
        {
            var reply = await wechat.ReceiveAsync(channel.Value, request, cancellationToken);
            return reply.IsSuccess ? new WeChatAnswer(reply.Value) : reply.Error;
        }

        var receipt = await HandleEventAsync(channel.Value, request, cancellationToken);
        return receipt.IsSuccess ? new EventReceipt(receipt.Value) : receipt.Error;
    }

    private async Task<Result<Ledger.LedgerOutcome>> HandleEventAsync(WebhookChannel channel, WebhookRequest request, CancellationToken cancellationToken)
    {
        if (guard.Verify(request, request.Signature, (timestamp, nonce) => Expected(channel, timestamp, nonce, request.Body)) is { } unsigned)
        {
            return unsigned;
        }

        var parsed = Parse(request.Body);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        var e = parsed.Value;
        if (await guard.BindToMessageAsync(request, e.EventId!, cancellationToken) is { } replay)
        {
            return replay;
        }

        var member = new MemberKey(request.TenantId, e.MemberId!);
        var key = $"webhook:{request.Channel}:{e.EventId}";
        return e.Action switch
        {
            WebhookAction.CheckIn => await activities.CheckInAsync(member, key, cancellationToken),
            WebhookAction.Share => await activities.ShareAsync(member, e.Platform, e.EventId, key, cancellationToken),
            WebhookAction.Task => await activities.CompleteTaskAsync(member, e.TaskId ?? string.Empty, e.EventId, key, cancellationToken),
            _ => e.Points is { } points && points > 0 && points <= channel.MaxGrantPoints
                ? await grants.GrantAsync(member, channel.Channel, new ChannelGrant(key, points, "webhook", e.EventId, e.Reason), cancellationToken)
                : Error.Validation("points", "range", $"A grant from channel '{channel.Channel}' must be between 1 and {channel.MaxGrantPoints} points."),
        };
    }

    private static string Expected(WebhookChannel channel, string timestamp, string nonce, string body) =>
        channel.Scheme == SignatureScheme.HmacSha256
            ? WebhookSignature.Hmac(channel.Token, timestamp, nonce, body)
            : WebhookSignature.WeChat(channel.Token, timestamp, nonce);

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
            errors.Add(ResourceId.Violation("eventId"));
        }

        if (e is null || !MemberKey.IsValidMemberId(e.MemberId))
        {
            errors.Add(ResourceId.Violation("memberId"));
        }

        if (e?.Action is null)
        {
            errors.Add(new FieldError("action", "required", "action is required: checkIn, share, task or grant."));
        }

        // Parsed here, after the signature check, rather than through the function app's request reader: the same text bounds apply.
        foreach (var (field, text, bound) in new[] { ("platform", e?.Platform, TextBounds.Code), ("taskId", e?.TaskId, TextBounds.Code), ("reason", e?.Reason, TextBounds.Reason) })
        {
            if (!bound.Contains(text))
            {
                errors.Add(bound.Violation(field));
            }
        }

        return errors.Count > 0 ? Error.Validation(errors) : e!;
    }
}
