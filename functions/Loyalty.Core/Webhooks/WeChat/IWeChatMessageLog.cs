namespace Loyalty.Core.Webhooks.WeChat;

public interface IWeChatMessageLog
{
    /// <summary>Keeps the first record of a message: WeChat's retries of it leave the record as it was.</summary>
    Task RecordAsync(WeChatMessageRecord record, CancellationToken cancellationToken);

    /// <summary>A channel's messages, newest first by WeChat's create time.</summary>
    Task<WeChatMessagePage> ListAsync(string tenantId, string channel, WeChatMessageQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every record, in every channel of the tenant, handled for <paramref name="memberId"/>, sent by one of
    /// <paramref name="openIds"/>, or sent by an openid that a record handled for the member names (an openid bound to
    /// the member once and replaced or unbound since): erasure. Safe to repeat: a record already gone is skipped; the
    /// records naming the member go last, so a retry after a crash still finds the rest. Returns how many it deleted.
    /// </summary>
    Task<int> EraseAsync(string tenantId, string memberId, IReadOnlyCollection<string> openIds, CancellationToken cancellationToken);
}

public sealed record WeChatMessageQuery(WeChatMessageStatus? Status, string? OpenId, int PageSize, string? ContinuationToken);

public sealed record WeChatMessagePage(IReadOnlyList<WeChatMessageRecord> Messages, string? ContinuationToken);
