using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>
/// What the endpoint answers WeChat: <c>success</c> (WeChat's "received, nothing to say"), a passive text reply to the
/// member, or in safe mode that reply inside the encrypted envelope.
/// </summary>
public sealed record WeChatReply(string Body, bool IsXml)
{
    public const string SuccessText = "success";

    public static WeChatReply Success { get; } = new(SuccessText, false);

    /// <summary>A text message to <paramref name="openId"/> from the account <paramref name="account"/> (the push's ToUserName).</summary>
    public static string Text(string openId, string account, DateTimeOffset now, string content) =>
        Render(new XElement(
            "xml",
            new XElement("ToUserName", new XCData(openId)),
            new XElement("FromUserName", new XCData(account)),
            new XElement("CreateTime", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new XElement("MsgType", new XCData("text")),
            new XElement("Content", new XCData(content))));

    /// <summary>The safe-mode envelope: the encrypted reply and its <c>msg_signature</c> over token, timestamp, nonce and Encrypt.</summary>
    public static string Encrypted(string encrypt, string signature, string timestamp, string nonce) =>
        Render(new XElement(
            "xml",
            new XElement("Encrypt", new XCData(encrypt)),
            new XElement("MsgSignature", new XCData(signature)),
            new XElement("TimeStamp", timestamp),
            new XElement("Nonce", new XCData(nonce))));

    private static string Render(XElement xml)
    {
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false };
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = XmlWriter.Create(text, settings))
        {
            xml.WriteTo(writer);
        }

        return text.ToString();
    }
}
