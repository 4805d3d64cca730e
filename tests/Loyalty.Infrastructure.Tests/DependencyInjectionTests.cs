using Azure.Data.Tables;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Loyalty.Core.Events;
using Loyalty.Infrastructure.Events;
using Loyalty.Infrastructure.Identity;
using Loyalty.Infrastructure.Queues;
using Loyalty.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Loyalty.Infrastructure.Tests;

/// <summary>
/// The app's wiring read from settings named as Azure app settings are (<c>A__b</c>, which the environment variable
/// provider turns into <c>A:b</c>). Nothing here connects: clients are only built and inspected.
/// </summary>
public sealed class DependencyInjectionTests
{
    private const string ClientId = "00000000-0000-0000-0000-0000000000c1";

    internal static ServiceProvider Build(IDictionary<string, string?> appSettings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(appSettings.ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => p.Value))
            .Build();
        return new ServiceCollection().AddLogging().AddLoyaltyInfrastructure(configuration).BuildServiceProvider();
    }

    /// <summary>What the host runs before it starts: every ValidateOnStart check.</summary>
    internal static OptionsValidationException? StartupFailure(ServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return null;
        }
        catch (OptionsValidationException ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task Identity_based_storage_settings_build_table_and_queue_clients_without_a_connection_string()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["LoyaltyStorage__tableServiceUri"] = "https://stloyalty.table.core.windows.net/",
            ["LoyaltyStorage__queueServiceUri"] = "https://stloyalty.queue.core.windows.net/",
            ["LoyaltyStorage__credential"] = "managedidentity",
            ["LoyaltyStorage__clientId"] = ClientId,
        });

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var tables = services.GetRequiredService<TableServiceClient>();
        var queues = services.GetRequiredService<QueueServiceClient>();

        Assert.Null(options.ConnectionString);
        Assert.Equal(ClientId, options.ClientId);
        Assert.Equal(new Uri("https://stloyalty.table.core.windows.net/"), tables.Uri);
        Assert.Equal("stloyalty", tables.AccountName);
        Assert.Equal(new Uri("https://stloyalty.queue.core.windows.net/"), queues.Uri);
        Assert.False(queues.CanGenerateAccountSasUri, "A token credential holds no account key.");
    }

    [Fact]
    public async Task A_missing_service_uri_fails_at_start_with_the_setting_to_add()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["LoyaltyStorage__queueServiceUri"] = "https://stloyalty.queue.core.windows.net/",
        });

        var error = StartupFailure(services);

        Assert.NotNull(error);
        Assert.Equal(typeof(StorageOptions), error.OptionsType);
        Assert.Contains("'LoyaltyStorage__tableServiceUri' is not set", Assert.Single(error.Failures), StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<TableServiceClient>());
    }

    [Fact]
    public async Task No_storage_setting_at_all_fails_at_start_naming_both_ways_to_configure_it()
    {
        await using var services = Build(new Dictionary<string, string?>());

        var error = StartupFailure(services);

        Assert.NotNull(error);
        Assert.Contains("'LoyaltyStorage' to a connection string", error.Message, StringComparison.Ordinal);
        Assert.Contains("LoyaltyStorage__tableServiceUri", error.Message, StringComparison.Ordinal);
        Assert.Contains("LoyaltyStorage__queueServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_uri_that_is_not_an_absolute_uri_is_refused_at_start_by_name()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["LoyaltyStorage__tableServiceUri"] = "stloyalty.table.core.windows.net",
            ["LoyaltyStorage__queueServiceUri"] = "https://stloyalty.queue.core.windows.net/",
        });

        var error = StartupFailure(services);

        Assert.NotNull(error);
        Assert.Contains("'LoyaltyStorage__tableServiceUri' must be an absolute https URI", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Storage__TablePrefix", "has-hyphens")]
    [InlineData("Storage__TablePrefix", "9startswithadigit")]
    [InlineData("AccrualQueueName", "Accrual")]
    [InlineData("AccrualQueueName", "a--b")]
    [InlineData("AccrualQueueName", "ab")]
    public async Task A_table_prefix_or_queue_name_storage_would_refuse_fails_at_start_by_name(string setting, string value)
    {
        await using var services = Build(new Dictionary<string, string?> { ["LoyaltyStorage"] = "UseDevelopmentStorage=true", [setting] = value });

        var error = StartupFailure(services);

        Assert.NotNull(error);
        Assert.StartsWith($"'{setting}' must be", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_storage_with_the_defaults_starts()
    {
        await using var services = Build(new Dictionary<string, string?> { ["LoyaltyStorage"] = "UseDevelopmentStorage=true" });

        Assert.Null(StartupFailure(services));
        Assert.Equal("devstoreaccount1", services.GetRequiredService<TableServiceClient>().AccountName);
        Assert.Equal("accrual", services.GetRequiredService<IOptions<AccrualQueueOptions>>().Value.AccrualQueueName);
    }

    [Fact]
    public async Task Identity_based_service_bus_settings_build_a_sender_for_the_topic()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["LoyaltyStorage"] = "UseDevelopmentStorage=true",
            ["ServiceBus__fullyQualifiedNamespace"] = "sb-loyalty.servicebus.windows.net",
            ["ServiceBus__credential"] = "managedidentity",
            ["ServiceBus__clientId"] = ClientId,
            ["ServiceBus__TopicName"] = "member-events",
        });

        var publisher = services.GetRequiredService<ILoyaltyEventPublisher>();
        var client = services.GetRequiredService<ServiceBusClient>();
        var sender = services.GetRequiredService<ServiceBusSender>();

        Assert.IsType<ServiceBusEventPublisher>(publisher);
        Assert.Equal("sb-loyalty.servicebus.windows.net", client.FullyQualifiedNamespace);
        Assert.Equal("member-events", sender.EntityPath);
    }

    [Fact]
    public async Task A_service_bus_connection_string_works_too_and_the_topic_defaults_to_loyalty_events()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["LoyaltyStorage"] = "UseDevelopmentStorage=true",
            ["ServiceBus"] = "Endpoint=sb://sb-dev.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=bm90LWEtcmVhbC1rZXk=",
        });

        var sender = services.GetRequiredService<ServiceBusSender>();

        Assert.IsType<ServiceBusEventPublisher>(services.GetRequiredService<ILoyaltyEventPublisher>());
        Assert.Equal("sb-dev.servicebus.windows.net", services.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace);
        Assert.Equal("loyalty-events", sender.EntityPath);
    }

    [Fact]
    public async Task The_namespace_may_be_given_as_the_portal_endpoint()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["LoyaltyStorage"] = "UseDevelopmentStorage=true",
            ["ServiceBus__fullyQualifiedNamespace"] = "sb://sb-loyalty.servicebus.windows.net/",
        });

        Assert.Equal("sb-loyalty.servicebus.windows.net", services.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace);
    }

    [Fact]
    public async Task Without_service_bus_settings_events_are_only_logged_and_no_client_is_built()
    {
        await using var services = Build(new Dictionary<string, string?> { ["LoyaltyStorage"] = "UseDevelopmentStorage=true" });

        Assert.Null(StartupFailure(services));
        Assert.IsType<LoggingEventPublisher>(services.GetRequiredService<ILoyaltyEventPublisher>());
        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<ServiceBusClient>());
        Assert.Contains("Service Bus is not configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_identity_for_service_bus_without_its_namespace_fails_at_start_with_the_setting_to_add()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["LoyaltyStorage"] = "UseDevelopmentStorage=true",
            ["ServiceBus__credential"] = "managedidentity",
            ["ServiceBus__clientId"] = ClientId,
        });

        var error = StartupFailure(services);

        Assert.NotNull(error);
        Assert.Equal(typeof(ServiceBusOptions), error.OptionsType);
        Assert.Contains("ServiceBus__fullyQualifiedNamespace", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ClientId, "managedidentity", typeof(ManagedIdentityCredential))]
    [InlineData(ClientId, null, typeof(ManagedIdentityCredential))]
    [InlineData(null, "managedidentity", typeof(ManagedIdentityCredential))]
    [InlineData(null, null, typeof(DefaultAzureCredential))]
    public void The_credential_follows_the_functions_host_settings(string? clientId, string? credential, Type expected)
    {
        Assert.IsType(expected, ConnectionCredential.Create(clientId, credential));
    }
}
