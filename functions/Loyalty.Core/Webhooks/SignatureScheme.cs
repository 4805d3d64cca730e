namespace Loyalty.Core.Webhooks;

public enum SignatureScheme
{
    /// <summary>JSON events signed WeChat style: <c>signature = sha1(sort(token, timestamp, nonce).join(""))</c>. The body is not signed.</summary>
    WeChatSha1,

    /// <summary>JSON events with <c>X-Signature: sha256=hex(HMAC-SHA256(token, timestamp + "\n" + nonce + "\n" + body))</c>: the body is signed too. Recommended for platforms other than WeChat.</summary>
    HmacSha256,

    /// <summary>A real WeChat official account (公众号): XML pushes, plain or encrypted (safe mode), signed as WeChat signs them.</summary>
    WeChatOfficialAccount,
}
