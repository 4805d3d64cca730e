using Loyalty.Core.Common;
using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Core.Webhooks;

/// <summary>Sets up a tenant's webhook channels. Secrets go in and never come back out.</summary>
public sealed class WebhookChannelService(IWebhookChannelStore channels, TimeProvider time)
{
    public async Task<Result<WebhookChannel>> ConfigureAsync(string tenantId, string channel, ChannelSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = WebhookChannelValidator.Validate(channel, settings);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var scheme = settings.Scheme ?? SignatureScheme.HmacSha256;
        var saved = new WebhookChannel(tenantId, channel, settings.Token!, scheme, settings.MaxGrantPoints ?? 0, time.GetUtcNow())
        {
            WeChat = scheme == SignatureScheme.WeChatOfficialAccount ? new WeChatAccount(settings.AppId!, settings.EncodingAesKey, settings.Mode ?? WeChatMode.Plain) : null,
        };
        await channels.SaveAsync(saved, cancellationToken);
        return saved;
    }
}
