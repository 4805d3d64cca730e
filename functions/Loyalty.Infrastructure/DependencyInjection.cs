using Loyalty.Infrastructure.Events;
using Loyalty.Infrastructure.Queues;
using Loyalty.Infrastructure.Sms;
using Loyalty.Infrastructure.Storage;
using Loyalty.Infrastructure.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Infrastructure;

/// <summary>The adapters: Azure clients built from validated settings, and Core's ports implemented on them. No use case is registered here.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddLoyaltyInfrastructure(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddStorageClients(configuration)
            .AddTableStores()
            .AddEventFeedSettings(configuration)
            .AddAccrualQueue(configuration)
            .AddEventPublisher(configuration)
            .AddSmsSender(configuration);
}
