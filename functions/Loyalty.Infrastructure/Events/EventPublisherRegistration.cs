using Azure.Messaging.ServiceBus;
using Loyalty.Core.Events;
using Loyalty.Infrastructure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Infrastructure.Events;

public static class EventPublisherRegistration
{
    /// <summary>The Service Bus connection's name: a connection string under this key, or <c>ServiceBus__fullyQualifiedNamespace</c> with a managed identity.</summary>
    public const string Connection = "ServiceBus";

    /// <summary>
    /// Outbound events: Service Bus when <c>ServiceBus</c> (connection string) or <c>ServiceBus__fullyQualifiedNamespace</c>
    /// is set, else a publisher that only logs. A half-configured identity connection fails on first use with the setting to add.
    /// </summary>
    public static IServiceCollection AddLoyaltyEvents(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = ReadServiceBusOptions(configuration);
        services.AddSingleton(options);
        if (!options.IsConfigured)
        {
            var section = configuration.GetSection(Connection);
            if (section["credential"] is { Length: > 0 } || section["clientId"] is { Length: > 0 })
            {
                services.AddSingleton<ILoyaltyEventPublisher>(_ => throw new InvalidOperationException(
                    $"Service Bus is half configured: '{Connection}__credential'/'__clientId' are set but '{Connection}__fullyQualifiedNamespace' is not. Set it (e.g. sb-name.servicebus.windows.net), or remove the others to only log events."));
                return services;
            }

            services.AddSingleton<ILoyaltyEventPublisher, LoggingEventPublisher>();
            return services;
        }

        services.AddSingleton(_ => options.ConnectionString is { } cs
            ? new ServiceBusClient(cs)
            : new ServiceBusClient(options.FullyQualifiedNamespace, ConnectionCredential.Create(options.ClientId, options.Credential)));
        services.AddSingleton(sp => sp.GetRequiredService<ServiceBusClient>().CreateSender(options.TopicName));
        services.AddSingleton<ILoyaltyEventPublisher, ServiceBusEventPublisher>();
        return services;
    }

    public static ServiceBusOptions ReadServiceBusOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Connection);
        var connectionString = section.Value ?? configuration.GetConnectionString(Connection);
        var fullyQualifiedNamespace = section["fullyQualifiedNamespace"];
        return new ServiceBusOptions
        {
            ConnectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString,
            // Accept "sb://name.servicebus.windows.net/" too: the portal shows the endpoint in that form.
            FullyQualifiedNamespace = string.IsNullOrWhiteSpace(fullyQualifiedNamespace)
                ? null
                : Uri.TryCreate(fullyQualifiedNamespace, UriKind.Absolute, out var endpoint) ? endpoint.Host : fullyQualifiedNamespace.Trim(),
            Credential = section["credential"],
            ClientId = section["clientId"],
            TopicName = section["TopicName"] is { Length: > 0 } topic ? topic : ServiceBusOptions.DefaultTopicName,
        };
    }
}
