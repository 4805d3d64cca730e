using Loyalty.Core.Webhooks;
using Loyalty.Core.Webhooks.WeChat;
using Loyalty.Infrastructure.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Infrastructure;

public static class WebhookRegistration
{
    /// <summary>Signed webhooks: channels, used nonces, JSON events and WeChat official accounts (bindings, message log).</summary>
    public static IServiceCollection AddLoyaltyWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<IWebhookChannelStore, TableWebhookChannelStore>();
        services.AddSingleton<INonceStore, TableNonceStore>();
        services.AddSingleton<IWeChatBindingStore, TableWeChatBindingStore>();
        services.AddSingleton<IWeChatMessageLog, TableWeChatMessageLog>();
        services.AddSingleton<WebhookGuard>();
        services.AddSingleton<WebhookChannelService>();
        services.AddSingleton<ChannelGrants>();
        services.AddSingleton<WeChatBindingService>();
        services.AddSingleton<WeChatActions>();
        services.AddSingleton<WeChatEventHandler>();
        services.AddSingleton<WeChatPushService>();
        services.AddSingleton<WeChatMessageService>();
        services.AddSingleton<WebhookService>();
        return services;
    }
}
