using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Core.Tests.Webhooks;

/// <summary>The XML of WeChat pushes, read with DTDs prohibited. Event documents are wechatpy's (tests/test_events.py).</summary>
public sealed class WeChatXmlTests
{
    private static WeChatMessage Message(string xml)
    {
        var fields = WeChatXml.Parse(xml);
        Assert.True(fields.IsSuccess, fields.Error?.Message);
        var message = WeChatMessage.From(fields.Value);
        Assert.True(message.IsSuccess, message.Error?.Message);
        return message.Value;
    }

    [Fact]
    public void A_subscribe_through_a_qr_code_reads_its_scene_key()
    {
        var message = Message("""
            <xml>
                <ToUserName><![CDATA[toUser]]></ToUserName>
                <FromUserName><![CDATA[FromUser]]></FromUserName>
                <CreateTime>123456789</CreateTime>
                <MsgType><![CDATA[event]]></MsgType>
                <Event><![CDATA[subscribe]]></Event>
                <EventKey><![CDATA[qrscene_123123]]></EventKey>
                <Ticket><![CDATA[TICKET]]></Ticket>
            </xml>
            """);

        Assert.Equal(("toUser", "FromUser", 123456789L), (message.ToUserName, message.OpenId, message.CreateTime));
        Assert.True(message.IsEvent("subscribe"));
        Assert.Equal("qrscene_123123", message.EventKey);
    }

    [Theory]
    [InlineData("CLICK", "EVENTKEY")]
    [InlineData("SCAN", "SCENE_VALUE")]
    [InlineData("VIEW", "www.qq.com")]
    [InlineData("unsubscribe", null)]
    public void Events_read_their_type_and_key(string @event, string? key)
    {
        var message = Message($"<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[FromUser]]></FromUserName><CreateTime>123456789</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{@event}]]></Event>{(key is null ? string.Empty : $"<EventKey><![CDATA[{key}]]></EventKey>")}</xml>");

        Assert.True(message.IsEvent(@event));
        Assert.Equal(key, message.EventKey);
        Assert.Null(message.MsgId);
    }

    [Fact]
    public void A_text_message_is_identified_by_its_msg_id_and_an_event_by_sender_time_and_key()
    {
        var text = Message("<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oUser123]]></FromUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[this is a test]]></Content><MsgId>1234567890123456</MsgId></xml>");
        var sameId = text with { CreateTime = 1, Content = "other" };
        var click = Message("<xml><ToUserName>gh_1</ToUserName><FromUserName>oUser123</FromUserName><CreateTime>1348831860</CreateTime><MsgType>event</MsgType><Event>CLICK</Event><EventKey>A</EventKey></xml>");

        Assert.Equal(text.Identity, sameId.Identity);
        Assert.NotEqual(click.Identity, (click with { EventKey = "B" }).Identity);
        Assert.NotEqual(click.Identity, (click with { CreateTime = 1348831861 }).Identity);
        Assert.Equal(click.Identity, (click with { ToUserName = "gh_2" }).Identity);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><FromUserName>&xxe;</FromUserName></xml>")]
    [InlineData("<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><xml><Content>&c;</Content></xml>")]
    [InlineData("<!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/evil.dtd\"><xml/>")]
    public void Dtds_and_entities_are_refused(string xml)
    {
        var parsed = WeChatXml.Parse(xml);

        Assert.Equal("xml-dtd-prohibited", parsed.Error?.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml")]
    [InlineData("<xml><FromUserName>a</xml>")]
    [InlineData("<root><FromUserName>a</FromUserName></root>")]
    [InlineData("<xml><FromUserName>oAAAAAA</FromUserName><FromUserName>oBBBBBB</FromUserName></xml>")]
    public void Malformed_or_ambiguous_documents_are_400_not_exceptions(string xml)
    {
        var parsed = WeChatXml.Parse(xml);

        Assert.Equal("invalid-xml", parsed.Error?.Code);
    }

    [Fact]
    public void A_document_beyond_the_size_limit_is_refused()
    {
        var parsed = WeChatXml.Parse($"<xml><Content>{new string('a', WeChatXml.MaxCharacters)}</Content></xml>");

        Assert.Equal("body-too-large", parsed.Error?.Code);
    }

    [Fact]
    public void A_message_without_a_valid_sender_or_time_names_the_fields()
    {
        var fields = WeChatXml.Parse("<xml><ToUserName>gh_1]]&gt;</ToUserName><FromUserName>a/b</FromUserName><CreateTime>soon</CreateTime></xml>");

        var message = WeChatMessage.From(fields.Value!);

        Assert.Equal("invalid-message", message.Error?.Code);
        Assert.Equal(["FromUserName", "ToUserName", "CreateTime", "MsgType"], message.Error!.Fields!.Select(f => f.Field));
    }

    [Fact]
    public void A_text_reply_keeps_cdata_and_renders_as_wechat_expects()
    {
        var reply = WeChatReply.Text("oUser123", "gh_1", DateTimeOffset.FromUnixTimeSeconds(1411525903), "签到成功 +5 <积分> & more");

        Assert.Equal("<xml><ToUserName><![CDATA[oUser123]]></ToUserName><FromUserName><![CDATA[gh_1]]></FromUserName><CreateTime>1411525903</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[签到成功 +5 <积分> & more]]></Content></xml>", reply);
    }
}
