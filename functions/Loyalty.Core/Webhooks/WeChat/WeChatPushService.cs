using System.Globalization;
using System.Security.Cryptography;
using Loyalty.Core.Common;

namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>
/// A push from a WeChat official account: verify (<c>signature</c> in plain mode, <c>msg_signature</c> over the
/// <c>Encrypt</c> field when encrypted), decrypt, read the XML, bind the signed timestamp and nonce to the message,
/// then handle it and record it. The answer is <c>success</c>, or the rule's text reply — encrypted when the push was.
/// Everything runs in the request: a few storage round trips, far inside WeChat's 5 seconds, and when an answer is
/// late anyway WeChat's retry finds the first result instead of earning twice.
/// </summary>
public sealed class WeChatPushService(WebhookGuard guard, WeChatEventHandler handler, IWeChatMessageLog log, TimeProvider time)
{
    public async Task<Result<WeChatReply>> ReceiveAsync(WebhookChannel channel, WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(request);
        var account = channel.WeChat ?? throw new InvalidOperationException($"Channel '{channel.Channel}' has no official account.");
        var opened = Open(channel, account, request);
        if (!opened.IsSuccess)
        {
            return opened.Error;
        }

        var message = opened.Value;
        if (await guard.BindToMessageAsync(request, message.Identity, cancellationToken) is { } replay)
        {
            return replay;
        }

        var handled = await handler.HandleAsync(channel, message, cancellationToken);
        await log.RecordAsync(handled.Record, cancellationToken);
        return handled.Reply is null ? WeChatReply.Success : Reply(channel, account, request, message, handled.Reply);
    }

    private Result<WeChatMessage> Open(WebhookChannel channel, WeChatAccount account, WebhookRequest request)
    {
        if (!request.IsEncrypted)
        {
            if (account.Mode == WeChatMode.Safe)
            {
                return new Error(ErrorKind.Unauthorized, "encryption-required", "This channel is in safe mode: WeChat sends encrypt_type=aes with msg_signature.");
            }

            return guard.Verify(request, request.Signature, (timestamp, nonce) => WebhookSignature.WeChat(channel.Token, timestamp, nonce)) is { } forged
                ? forged
                : Read(request.Body);
        }

        if (account.Mode == WeChatMode.Plain || account.EncodingAesKey is null)
        {
            return Error.BadRequest("encryption-not-configured", "This channel is in plain mode; set its encodingAesKey and mode to receive encrypted messages.");
        }

        var envelope = WeChatXml.Parse(request.Body);
        if (!envelope.IsSuccess)
        {
            return envelope.Error;
        }

        if (!envelope.Value.TryGetValue("Encrypt", out var encrypt) || encrypt.Length == 0)
        {
            return Error.BadRequest("invalid-message", "An encrypted message carries its content in Encrypt.", "Encrypt");
        }

        if (guard.Verify(request, request.MessageSignature, (timestamp, nonce) => WebhookSignature.WeChat(channel.Token, timestamp, nonce, encrypt)) is { } unsigned)
        {
            return unsigned;
        }

        var decrypted = WeChatCipher.Decrypt(account.EncodingAesKey, account.AppId, encrypt);
        return decrypted.IsSuccess ? Read(decrypted.Value) : decrypted.Error;
    }

    private static Result<WeChatMessage> Read(string xml)
    {
        var fields = WeChatXml.Parse(xml);
        return fields.IsSuccess ? WeChatMessage.From(fields.Value) : fields.Error;
    }

    private WeChatReply Reply(WebhookChannel channel, WeChatAccount account, WebhookRequest request, WeChatMessage message, string text)
    {
        var now = time.GetUtcNow();
        var xml = WeChatReply.Text(message.OpenId, message.ToUserName, now, text);
        if (!request.IsEncrypted)
        {
            return new WeChatReply(xml, true);
        }

        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var encrypt = WeChatCipher.Encrypt(account.EncodingAesKey!, account.AppId, xml, RandomNumberGenerator.GetBytes(WeChatCipher.RandomLength));
        return new WeChatReply(WeChatReply.Encrypted(encrypt, WebhookSignature.WeChat(channel.Token, timestamp, nonce, encrypt), timestamp, nonce), true);
    }
}
