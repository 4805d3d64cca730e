namespace Loyalty.Core.Webhooks.WeChat;

public interface IWeChatMessageLog
{
    /// <summary>Keeps the first record of a message: WeChat's retries of it leave the record as it was.</summary>
    Task RecordAsync(WeChatMessageRecord record, CancellationToken cancellationToken);

    /// <summary>A channel's messages, newest first by WeChat's create time.</summary>
    Task<WeChatMessagePage> ListAsync(string tenantId, string channel, WeChatMessageQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every record, in every channel of the tenant, handled for <paramref name="memberId"/> or sent by one of
    /// <paramref name="openIds"/> (erasure). Safe to repeat: a record already gone is skipped. Returns how many it deleted.
    /// </summary>
    Task<int> EraseAsync(string tenantId, string memberId, IReadOnlyCollection<string> openIds, CancellationToken cancellationToken);
}

public sealed record WeChatMessageQuery(WeChatMessageStatus? Status, string? OpenId, int PageSize, string? ContinuationToken);

public sealed record WeChatMessagePage(IReadOnlyList<WeChatMessageRecord> Messages, string? ContinuationToken);
