using System.Text;
using System.Xml.Linq;
using Loyalty.Core.Webhooks;
using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Core.Tests.Webhooks;

/// <summary>
/// WeChat message encryption pinned to vectors published by wechatpy (tests/test_crypto.py, CryptoTestCase: token
/// 123456, the EncodingAESKey below, its mocked random "1234567890123456"). That file tests WeChat Work's crypto, which is
/// the official-account scheme byte for byte with the CorpID where the AppID goes. The expected strings are copied from
/// it, not computed here.
/// </summary>
public sealed class WeChatCipherTests
{
    private const string Token = "123456";
    private const string EncodingAesKey = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
    private const string AppId = "wx49f0ab532d5d035a";

    private const string PublishedEncrypt =
        "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=";

    private const string PublishedReply = "<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>";

    private const string PublishedReplyEncrypt =
        "9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3";

    [Fact]
    public void The_published_message_signature_of_the_published_push_matches()
    {
        Assert.Equal("74d92dfeb87ba7c714f89d98870ae5eb62dff26d", WebhookSignature.WeChat(Token, "1411525903", "461056294", PublishedEncrypt));
    }

    [Fact]
    public void The_published_push_decrypts_to_its_published_message()
    {
        var decrypted = WeChatCipher.Decrypt(EncodingAesKey, AppId, PublishedEncrypt);

        Assert.True(decrypted.IsSuccess, decrypted.Error?.Message);
        var xml = XElement.Parse(decrypted.Value);
        Assert.Equal("test", xml.Element("Content")!.Value);
        Assert.Equal("messense", xml.Element("FromUserName")!.Value);
    }

    [Fact]
    public void The_published_reply_encrypts_to_the_published_ciphertext_and_signature()
    {
        var encrypt = WeChatCipher.Encrypt(EncodingAesKey, AppId, PublishedReply, Encoding.ASCII.GetBytes("1234567890123456"));

        Assert.Equal(PublishedReplyEncrypt, encrypt);
        Assert.Equal("407518b7649e86ef23978113f92d27afa9296533", WebhookSignature.WeChat(Token, "1411525903", "461056294", encrypt));
    }

    [Fact]
    public void A_message_encrypted_for_another_appid_is_refused()
    {
        var decrypted = WeChatCipher.Decrypt(EncodingAesKey, "wx0000000000000000", PublishedEncrypt);

        Assert.Equal("appid-mismatch", decrypted.Error?.Code);
    }

    [Fact]
    public void Ciphertext_under_another_key_or_not_base64_is_refused_not_thrown()
    {
        var otherKey = WeChatCipher.Decrypt("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", AppId, PublishedEncrypt);
        var notBase64 = WeChatCipher.Decrypt(EncodingAesKey, AppId, "not base64 at all!");
        var truncated = WeChatCipher.Decrypt(EncodingAesKey, AppId, PublishedEncrypt[..20]);

        Assert.Equal("decrypt-failed", otherKey.Error?.Code);
        Assert.Equal("decrypt-failed", notBase64.Error?.Code);
        Assert.Equal("decrypt-failed", truncated.Error?.Code);
    }

    [Fact]
    public void Every_length_round_trips_and_pads_to_32_byte_blocks()
    {
        var random = new byte[16];
        for (var length = 0; length < 70; length++)
        {
            var message = new string('字', length);
            var encrypt = WeChatCipher.Encrypt(EncodingAesKey, AppId, message, random);

            Assert.Equal(0, Convert.FromBase64String(encrypt).Length % 32);
            Assert.Equal(message, WeChatCipher.Decrypt(EncodingAesKey, AppId, encrypt).Value);
        }
    }
}
