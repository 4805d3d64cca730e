using Loyalty.Core.Common;

namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>What an official-account channel received, for its tenant's admins: e.g. the events of openids no member has bound.</summary>
public sealed class WeChatMessageService(IWebhookChannelStore channels, IWeChatMessageLog log)
{
    public const int MaxPageSize = 200;

    public async Task<Result<WeChatMessagePage>> ListAsync(string tenantId, string channel, WeChatMessageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > MaxPageSize)
        {
            return Error.Validation("pageSize", "range", $"pageSize must be between 1 and {MaxPageSize}.");
        }

        if (query.OpenId is not null && !WeChatIds.IsOpenId(query.OpenId))
        {
            return Error.Validation("openId", "pattern", "openId must be 6-64 letters, digits, '-' or '_'.");
        }

        var configured = Members.MemberKey.IsValidMemberId(channel) ? await channels.GetAsync(tenantId, channel, cancellationToken) : null;
        if (configured?.Scheme != SignatureScheme.WeChatOfficialAccount)
        {
            return Error.NotFound("channel-not-found", $"No WeChat official-account channel '{channel}' is configured.");
        }

        try
        {
            return await log.ListAsync(tenantId, channel, query, cancellationToken);
        }
        catch (InvalidContinuationTokenException)
        {
            return Error.BadRequest("invalid-continuation-token", "continuationToken was not issued by this list.", "continuationToken");
        }
    }
}
