using System.Security.Cryptography;
using System.Text;
using Loyalty.Core.Webhooks;

namespace Loyalty.Core.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void WeChat_signature_is_sha1_of_the_sorted_token_timestamp_and_nonce()
    {
#pragma warning disable CA5350 // Reproduces the WeChat protocol's SHA-1 independently.
        var expected = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("1714112400" + "nonce123" + "tokenABC")));
#pragma warning restore CA5350

        Assert.Equal(expected, WebhookSignature.WeChat("tokenABC", "1714112400", "nonce123"));
    }

    [Fact]
    public void Hmac_signature_covers_the_body()
    {
        var a = WebhookSignature.Hmac("secret-token-0123", "1", "n", "{\"points\":1}");
        var b = WebhookSignature.Hmac("secret-token-0123", "1", "n", "{\"points\":9}");

        Assert.StartsWith("sha256=", a, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
        Assert.True(WebhookSignature.Matches(a, a.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal)));
        Assert.False(WebhookSignature.Matches(a, b));
        Assert.False(WebhookSignature.Matches(a, null));
    }
}
