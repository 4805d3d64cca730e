namespace Loyalty.Core.Webhooks;

/// <summary>A tenant's webhook sender (e.g. its WeChat official account): the shared token and how requests are signed.</summary>
public sealed record WebhookChannel(string TenantId, string Channel, string Token, SignatureScheme Scheme, long MaxGrantPoints, DateTimeOffset UpdatedAt);

public enum SignatureScheme
{
    /// <summary>WeChat style: <c>signature = sha1(sort(token, timestamp, nonce).join(""))</c> in the query string.</summary>
    WeChatSha1,

    /// <summary><c>X-Signature: sha256=hex(HMAC-SHA256(token, timestamp + "\n" + nonce + "\n" + body))</c>: the body is signed too.</summary>
    HmacSha256,
}
