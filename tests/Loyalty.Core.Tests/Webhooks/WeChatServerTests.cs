using System.Text;
using Loyalty.Testing.WeChat;

namespace Loyalty.Core.Tests.Webhooks;

/// <summary>The tests' WeChat stand-in is only as good as its crypto: it too must reproduce wechatpy's published vectors.</summary>
public sealed class WeChatServerTests
{
    [Fact]
    public void The_test_server_encrypts_and_signs_as_the_published_vector()
    {
        var server = new WeChatServer("123456", "wx49f0ab532d5d035a", "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR");
        const string reply = "<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>";

        var encrypt = server.Encrypt(reply, Encoding.ASCII.GetBytes("1234567890123456"));

        // wechatpy tests/test_crypto.py, test_encrypt_message.
        Assert.Equal(
            "9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3",
            encrypt);
        Assert.Equal("407518b7649e86ef23978113f92d27afa9296533", WeChatServer.Sign("123456", "1411525903", "461056294", encrypt));
    }

    [Fact]
    public void The_test_server_opens_the_published_encrypted_reply()
    {
        var server = new WeChatServer("123456", "wx49f0ab532d5d035a", "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR");

        // wechatpy tests/test_crypto.py, test_encrypt_message: the expected envelope.
        var inner = server.OpenReply("<xml>\n<Encrypt><![CDATA[9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3]]></Encrypt>\n<MsgSignature><![CDATA[407518b7649e86ef23978113f92d27afa9296533]]></MsgSignature>\n<TimeStamp>1411525903</TimeStamp>\n<Nonce><![CDATA[461056294]]></Nonce>\n</xml>");

        Assert.Equal(("test", "messense"), (inner.Element("Content")!.Value, inner.Element("ToUserName")!.Value));
    }
}
