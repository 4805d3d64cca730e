using Azure.Messaging.ServiceBus;
using Loyalty.Core.Events;
using Loyalty.Infrastructure.Identity;
using Loyalty.Infrastructure.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Loyalty.Infrastructure.Events;

public static class EventPublisherRegistration
{
    private const string Section = ServiceBusOptions.Section;

    /// <summary>
    /// The outbound event publisher: Service Bus when <c>ServiceBus</c> (connection string) or
    /// <c>ServiceBus__fullyQualifiedNamespace</c> is set, else a publisher that only logs.
    /// </summary>
    public static IServiceCollection AddEventPublisher(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.BindServiceConnection<ServiceBusOptions>(configuration, Section, "Service Bus", "fullyQualifiedNamespace", "Set it (e.g. sb-name.servicebus.windows.net)", "to only log events")
            .Validate(
                o => o.TopicName.Length is > 0 and <= 260,
                $"'{Section}__TopicName' must be 1-260 characters (default {ServiceBusOptions.DefaultTopicName}).")
            .ValidateOnStart();

        services.AddSingleton(sp => Client(sp.GetRequiredService<IOptions<ServiceBusOptions>>().Value));
        services.AddSingleton(sp => sp.GetRequiredService<ServiceBusClient>().CreateSender(sp.GetRequiredService<IOptions<ServiceBusOptions>>().Value.TopicName));
        services.AddSingleton<ILoyaltyEventPublisher>(sp => sp.GetRequiredService<IOptions<ServiceBusOptions>>().Value.IsConfigured
            ? ActivatorUtilities.CreateInstance<ServiceBusEventPublisher>(sp)
            : ActivatorUtilities.CreateInstance<LoggingEventPublisher>(sp));
        return services;
    }

    private static ServiceBusClient Client(ServiceBusOptions options) => options switch
    {
        { ConnectionString: { } connectionString } => new ServiceBusClient(connectionString),
        { NamespaceHost: { } host } => new ServiceBusClient(host, ConnectionCredential.Create(options.ClientId, options.Credential)),
        _ => throw new InvalidOperationException($"Service Bus is not configured: set '{Section}__fullyQualifiedNamespace' (or '{Section}' to a connection string) to send events."),
    };
}
