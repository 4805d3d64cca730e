using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Loyalty.Testing.WeChat;

/// <summary>
/// WeChat's side of an official account, for tests: pushes built and signed as WeChat builds them, with this file's own
/// SHA-1 and AES code rather than the product's, so a test fails when the product drifts from the protocol. Its
/// encryption is itself pinned to wechatpy's published vector (WeChatServerTests).
/// </summary>
public sealed class WeChatServer(string token, string appId, string? encodingAesKey = null, string account = "gh_3f2a0c1b9d8e")
{
    public string Account => account;

    public static string Event(string openId, long createTime, string @event, string? eventKey = null, string to = "gh_3f2a0c1b9d8e")
    {
        var xml = new StringBuilder()
            .Append("<xml><ToUserName><![CDATA[").Append(to).Append("]]></ToUserName>")
            .Append("<FromUserName><![CDATA[").Append(openId).Append("]]></FromUserName>")
            .Append("<CreateTime>").Append(createTime.ToString(CultureInfo.InvariantCulture)).Append("</CreateTime>")
            .Append("<MsgType><![CDATA[event]]></MsgType>")
            .Append("<Event><![CDATA[").Append(@event).Append("]]></Event>");
        if (eventKey is not null)
        {
            xml.Append("<EventKey><![CDATA[").Append(eventKey).Append("]]></EventKey>");
        }

        return xml.Append("</xml>").ToString();
    }

    public static string Text(string openId, long createTime, long msgId, string content, string to = "gh_3f2a0c1b9d8e") =>
        $"<xml><ToUserName><![CDATA[{to}]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName><CreateTime>{createTime}</CreateTime>"
        + $"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId></xml>";

    /// <summary>sha1 of the parts sorted and joined, in lower-case hex.</summary>
    public static string Sign(params string[] parts)
    {
        var joined = string.Concat(parts.OrderBy(p => p, StringComparer.Ordinal));
#pragma warning disable CA5350 // The protocol's hash, reproduced.
        return string.Concat(SHA1.HashData(Encoding.UTF8.GetBytes(joined)).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
#pragma warning restore CA5350
    }

    /// <summary>The query of the URL verification GET.</summary>
    public string Handshake(string tenant, long timestamp, string nonce, string echostr) =>
        $"tenant={tenant}&signature={Sign(token, Seconds(timestamp), nonce)}&echostr={echostr}&timestamp={Seconds(timestamp)}&nonce={nonce}";

    /// <summary>A plain-mode push: the query to append to the channel URL, and the body.</summary>
    public (string Query, string Body) Plain(string tenant, string xml, long timestamp, string nonce, string openId) =>
        ($"tenant={tenant}&signature={Sign(token, Seconds(timestamp), nonce)}&timestamp={Seconds(timestamp)}&nonce={nonce}&openid={openId}", xml);

    /// <summary>A safe-mode push: the message encrypted into the envelope, msg_signature over it.</summary>
    public (string Query, string Body) Safe(string tenant, string xml, long timestamp, string nonce, string openId, byte[]? random = null)
    {
        var encrypt = Encrypt(xml, random ?? RandomNumberGenerator.GetBytes(16));
        var body = $"<xml><ToUserName><![CDATA[{account}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        var query = $"tenant={tenant}&signature={Sign(token, Seconds(timestamp), nonce)}&timestamp={Seconds(timestamp)}&nonce={nonce}&openid={openId}"
            + $"&encrypt_type=aes&msg_signature={Sign(token, Seconds(timestamp), nonce, encrypt)}";
        return (query, body);
    }

    public string Encrypt(string message, byte[] random)
    {
        var text = Encoding.UTF8.GetBytes(message);
        var length = new[] { (byte)(text.Length >> 24), (byte)(text.Length >> 16), (byte)(text.Length >> 8), (byte)text.Length };
        var content = random.Concat(length).Concat(text).Concat(Encoding.UTF8.GetBytes(appId)).ToList();
        var pad = 32 - (content.Count % 32);
        content.AddRange(Enumerable.Repeat((byte)pad, pad));
        using var aes = Cipher();
        using var encryptor = aes.CreateEncryptor();
        var plain = content.ToArray();
        return Convert.ToBase64String(encryptor.TransformFinalBlock(plain, 0, plain.Length));
    }

    /// <summary>Opens a safe-mode reply as WeChat does: checks its MsgSignature, decrypts, checks the AppID; returns the inner XML.</summary>
    public XElement OpenReply(string reply)
    {
        var envelope = XElement.Parse(reply);
        var encrypt = envelope.Element("Encrypt")!.Value;
        var signature = Sign(token, envelope.Element("TimeStamp")!.Value, envelope.Element("Nonce")!.Value, encrypt);
        if (signature != envelope.Element("MsgSignature")!.Value)
        {
            throw new InvalidDataException("The reply's MsgSignature does not match.");
        }

        using var aes = Cipher();
        using var decryptor = aes.CreateDecryptor();
        var cipher = Convert.FromBase64String(encrypt);
        var plain = decryptor.TransformFinalBlock(cipher, 0, cipher.Length);
        var content = plain[..^plain[^1]];
        var length = (content[16] << 24) | (content[17] << 16) | (content[18] << 8) | content[19];
        var sender = Encoding.UTF8.GetString(content[(20 + length)..]);
        if (sender != appId)
        {
            throw new InvalidDataException($"The reply was encrypted for {sender}, not {appId}.");
        }

        return XElement.Parse(Encoding.UTF8.GetString(content, 20, length));
    }

    /// <summary>AES-256-CBC, the key's first 16 bytes as IV, no padding of its own: WeChat pads to 32-byte blocks itself.</summary>
    private Aes Cipher()
    {
        var aes = Aes.Create();
        aes.Mode = CipherMode.CBC;
        aes.Padding = PaddingMode.None;
        aes.Key = Key;
        aes.IV = Key[..16];
        return aes;
    }

    private byte[] Key => Convert.FromBase64String((encodingAesKey ?? throw new InvalidOperationException("No EncodingAESKey: a plain-mode account.")) + "=");

    private static string Seconds(long timestamp) => timestamp.ToString(CultureInfo.InvariantCulture);
}
