using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Loyalty.Core.Common;

namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>A message or event pushed by WeChat, as read from its XML (after decryption in safe mode).</summary>
public sealed record WeChatMessage(string ToUserName, string OpenId, long CreateTime, string MsgType)
{
    public const string EventType = "event";

    /// <summary><c>subscribe</c>, <c>unsubscribe</c>, <c>SCAN</c>, <c>CLICK</c>, <c>VIEW</c>... for <see cref="MsgType"/> <c>event</c>.</summary>
    public string? Event { get; init; }

    /// <summary>The menu key (CLICK), the URL (VIEW), the QR scene (SCAN; <c>qrscene_</c> + scene on a subscribe by QR code).</summary>
    public string? EventKey { get; init; }

    public string? MsgId { get; init; }

    public string? Content { get; init; }

    public bool IsEvent(string name) => MsgType == EventType && string.Equals(Event, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What WeChat's retries share: the MsgId of a message, or (WeChat's own advice for events) the sender and create
    /// time, here with the event and key too so two different clicks in one second stay two events. Hashed to fit a row key.
    /// </summary>
    public string Identity => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(MsgId is { Length: > 0 } id
        ? $"msg\n{id}"
        : $"event\n{OpenId}\n{CreateTime.ToString(CultureInfo.InvariantCulture)}\n{Event}\n{EventKey}")))[..32];

    public static Result<WeChatMessage> From(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        string? Field(string name) => fields.TryGetValue(name, out var value) && value.Length > 0 ? value.Trim() : null;
        var errors = new List<FieldError>();
        var openId = Field("FromUserName");
        if (!WeChatIds.IsOpenId(openId))
        {
            errors.Add(new FieldError("FromUserName", "pattern", "FromUserName must be an openid: 6-64 letters, digits, '-' or '_'."));
        }

        var to = Field("ToUserName");
        if (!WeChatIds.IsAccountId(to))
        {
            errors.Add(new FieldError("ToUserName", "pattern", "ToUserName must be the account's id (e.g. gh_3f2a0c1b9d8e): 1-64 letters, digits, '_', '-', '.' or '@'."));
        }

        if (!long.TryParse(Field("CreateTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var created) || created > 253402300799)
        {
            errors.Add(new FieldError("CreateTime", "range", "CreateTime must be Unix seconds."));
        }

        var type = Field("MsgType");
        if (type is null)
        {
            errors.Add(new FieldError("MsgType", "required", "MsgType is required."));
        }

        if (errors.Count > 0)
        {
            return new Error(ErrorKind.BadRequest, "invalid-message", "The XML is not a WeChat message.", errors);
        }

        return new WeChatMessage(to!, openId!, created, type!)
        {
            Event = Field("Event"),
            EventKey = Field("EventKey"),
            MsgId = Field("MsgId"),
            Content = Field("Content"),
        };
    }
}
