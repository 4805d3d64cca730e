using Azure.Data.Tables;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Loyalty.Core.Events;
using Loyalty.Core.Members;
using Loyalty.Infrastructure.Events;
using Loyalty.Infrastructure.Identity;
using Loyalty.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

        var options = services.GetRequiredService<StorageOptions>();
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
    public async Task A_missing_service_uri_fails_with_the_setting_to_add()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["LoyaltyStorage__queueServiceUri"] = "https://stloyalty.queue.core.windows.net/",
        });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<TableServiceClient>());

        Assert.Contains("LoyaltyStorage__tableServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_storage_setting_at_all_names_both_ways_to_configure_it()
    {
        await using var services = Build(new Dictionary<string, string?>());

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<QueueServiceClient>());

        Assert.Contains("'LoyaltyStorage' to a connection string", error.Message, StringComparison.Ordinal);
        Assert.Contains("LoyaltyStorage__queueServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_uri_that_is_not_an_absolute_uri_is_refused_by_name()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LoyaltyStorage:tableServiceUri"] = "stloyalty.table.core.windows.net",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => DependencyInjection.ReadStorageOptions(configuration));

        Assert.Contains("LoyaltyStorage__tableServiceUri", error.Message, StringComparison.Ordinal);
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
    public void The_namespace_may_be_given_as_the_portal_endpoint()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServiceBus:fullyQualifiedNamespace"] = "sb://sb-loyalty.servicebus.windows.net/",
        }).Build();

        Assert.Equal("sb-loyalty.servicebus.windows.net", EventPublisherRegistration.ReadServiceBusOptions(configuration).FullyQualifiedNamespace);
    }

    [Fact]
    public async Task Without_service_bus_settings_events_are_only_logged()
    {
        await using var services = Build(new Dictionary<string, string?> { ["LoyaltyStorage"] = "UseDevelopmentStorage=true" });

        Assert.IsType<LoggingEventPublisher>(services.GetRequiredService<ILoyaltyEventPublisher>());
        Assert.Null(services.GetService<ServiceBusClient>());
    }

    [Fact]
    public async Task An_identity_for_service_bus_without_its_namespace_fails_with_the_setting_to_add()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["LoyaltyStorage"] = "UseDevelopmentStorage=true",
            ["ServiceBus__credential"] = "managedidentity",
            ["ServiceBus__clientId"] = ClientId,
        });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<ILoyaltyEventPublisher>());

        Assert.Contains("ServiceBus__fullyQualifiedNamespace", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_deployment_without_the_phone_hash_key_fails_instead_of_hashing_with_the_development_key()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["LoyaltyStorage__tableServiceUri"] = "https://stloyalty.table.core.windows.net/",
            ["LoyaltyStorage__queueServiceUri"] = "https://stloyalty.queue.core.windows.net/",
        });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<PhoneHashKey>());

        Assert.Contains("Security__PhoneHashKey", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public async Task A_phone_hash_key_that_is_not_base64_of_16_bytes_or_more_is_refused(string key)
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["LoyaltyStorage"] = "UseDevelopmentStorage=true",
            ["Security__PhoneHashKey"] = key,
        });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<PhoneHashKey>());

        Assert.Contains("Security__PhoneHashKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_storage_may_run_on_the_development_phone_hash_key()
    {
        await using var services = Build(new Dictionary<string, string?> { ["LoyaltyStorage"] = "UseDevelopmentStorage=true" });

        Assert.NotEmpty(services.GetRequiredService<PhoneHashKey>().Key);
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
