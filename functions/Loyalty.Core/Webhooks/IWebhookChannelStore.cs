namespace Loyalty.Core.Webhooks;

public interface IWebhookChannelStore
{
    Task<WebhookChannel?> GetAsync(string tenantId, string channel, CancellationToken cancellationToken);

    Task SaveAsync(WebhookChannel channel, CancellationToken cancellationToken);
}
