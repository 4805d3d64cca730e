using Loyalty.Core.Webhooks;

namespace Loyalty.Core.Tests.Webhooks;

/// <summary>The WeChat signature pinned to published vectors; expected values are copied from their sources, never computed here.</summary>
public sealed class WebhookSignatureTests
{
    [Theory]
    [InlineData("test", "1410685589", "test", "f21891de399b4e33a1a93c9a7b8a8fffb5a443ff")] // wechatpy tests/test_utils.py, test_check_signature_should_ok
    [InlineData("weixin", "1357982061", "1358161344", "335b26997f05c82243aad6b10a2d1853637e71a8")] // JeffreySu/WeiXinMPSDK CheckSignatureTest.cs: a real request logged 2013-01-12
    [InlineData("huhujm", "1359208540", "1359227084", "efa917e2445cc9f0aa4386ca92f96de5a242e24e")] // JeffreySu/WeiXinMPSDK CheckSignatureTest.cs
    public void WeChat_signature_matches_published_vectors(string token, string timestamp, string nonce, string signature)
    {
        Assert.Equal(signature, WebhookSignature.WeChat(token, timestamp, nonce));
        Assert.True(WebhookSignature.Matches(WebhookSignature.WeChat(token, timestamp, nonce), signature.ToUpperInvariant()));
    }

    [Fact]
    public void A_signature_off_by_one_character_does_not_match()
    {
        // wechatpy tests/test_utils.py, test_check_signature_should_fail: the last hex digit changed.
        Assert.False(WebhookSignature.Matches(WebhookSignature.WeChat("test", "1410685589", "test"), "f21891de399b4e33a1a93c9a7b8a8fffb5a443fe"));
    }

    [Fact]
    public void The_message_signature_covers_the_fourth_part()
    {
        // wechatpy tests/test_crypto.py, test_check_signature_should_ok / _should_fail: token 123456 and the echostr.
        const string echo = "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==";

        Assert.Equal("dd6b9c95b495b3f7e2901bfbc76c664930ffdb96", WebhookSignature.WeChat("123456", "1411443780", "437374425", echo));
        Assert.NotEqual("dd6b9c95b495b3f7e2901bfbc76c664930ffdb96", WebhookSignature.WeChat("123456", "1411443780", "437374424", echo));
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
