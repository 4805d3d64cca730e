using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Loyalty.Core.Events;
using Loyalty.Core.Members;
using Loyalty.Functions.Tests.Metadata;
using Loyalty.Infrastructure.Events;
using Loyalty.Infrastructure.Settings;
using Loyalty.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Loyalty.Functions.Tests.Deployment;

/// <summary>
/// The app settings that infra/app/function.bicep deploys must be the names the code reads. The list comes from the code:
/// the options types the composition root binds, and the settings the triggers in functions.metadata name.
/// </summary>
public sealed partial class FunctionAppSettingsTests
{
    /// <summary>
    /// Read by the platform, not by this code: the Functions host's own storage (identity-based, as the host documents
    /// it) and the Application Insights SDK's connection (<see cref="WorkerTelemetry"/> turns the SDK on).
    /// </summary>
    private static readonly string[] ReadByThePlatform =
    [
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    private static readonly string[] Secrets = ["Bootstrap__Secret", "Security__PhoneHashKey", "Security__FieldKeys"];

    private static ServiceCollection App(IDictionary<string, string?> appSettings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(appSettings.ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => p.Value))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging().AddLoyaltyFunctions(configuration);
        return services;
    }

    /// <summary>Every setting an options type of the app binds, with whether its property has a default.</summary>
    private static List<(string Name, bool HasDefault)> BoundByTheCode()
    {
        using var services = App(new Dictionary<string, string?>()).BuildServiceProvider();
        return [.. services.GetServices<BoundSettings>().SelectMany(b => b.Settings())];
    }

    /// <summary>
    /// The settings the triggers name: <c>%Setting%</c> in any binding expression, and for each queue trigger's
    /// <c>connection</c> the identity-based form the host reads (<c>{connection}__queueServiceUri</c>, <c>__credential</c>,
    /// <c>__clientId</c>: infra gives the app a user-assigned identity).
    /// </summary>
    private static HashSet<string> NamedByTheTriggers()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var binding in FunctionMetadataTests.ReadMetadata().SelectMany(f => f!["bindings"]!.AsArray()).Select(b => b!.AsObject()))
        {
            foreach (var value in binding.Select(p => p.Value).OfType<JsonValue>().Where(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String))
            {
                names.UnionWith(SettingReference().Matches(value.GetValue<string>()).Select(m => m.Groups["name"].Value));
            }

            if (binding["type"]!.GetValue<string>() == "queueTrigger" && binding["connection"]?.GetValue<string>() is { } connection)
            {
                names.UnionWith([$"{connection}__queueServiceUri", $"{connection}__credential", $"{connection}__clientId"]);
            }
        }

        return names;
    }

    private static string Infra(string file)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LoyaltyFunctions.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        return File.ReadAllText(Path.Combine(root.FullName, "infra", "app", file));
    }

    private static Dictionary<string, string> Deployed()
    {
        var bicep = Infra("function.bicep");
        return AppSetting().Matches(bicep).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim(), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_setting_the_code_reads_is_deployed_under_the_same_name()
    {
        var deployed = Deployed();
        var read = BoundByTheCode().Where(s => !s.HasDefault).Select(s => s.Name)
            .Concat(NamedByTheTriggers())
            .Concat(ReadByThePlatform)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = read.Where(name => !deployed.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"infra/app/function.bicep does not set: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_list_of_settings_read_comes_from_the_options_and_the_triggers()
    {
        var bound = BoundByTheCode();

        Assert.Contains(("Security__PhoneHashKey", false), bound);
        Assert.Contains(("Security__FieldKeys", false), bound);
        Assert.Contains(("LoyaltyStorage__TableServiceUri", false), bound);
        Assert.Contains(("ServiceBus__TopicName", true), bound);
        Assert.Contains(("Redemptions__ShippingDeadline", true), bound);
        Assert.Contains(("EventFeed__RetentionDays", true), bound);
        Assert.DoesNotContain(bound, s => s.Name.EndsWith("ConnectionString", StringComparison.Ordinal));
        Assert.Superset(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "AccrualQueueName", "LoyaltyStorage__queueServiceUri" }, NamedByTheTriggers());
    }

    [Fact]
    public void Every_options_type_bound_from_configuration_is_in_the_list()
    {
        var services = App(new Dictionary<string, string?>());
        var listed = services.Select(d => d.ImplementationInstance).OfType<BoundSettings>().Select(b => b.OptionsType).ToHashSet();

        var bound = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Where(d => d.ImplementationInstance?.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(NamedConfigureFromConfigurationOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .ToList();

        Assert.NotEmpty(bound);
        Assert.All(bound, type => Assert.Contains(type, listed));
    }

    [Fact]
    public void Sms_is_sent_with_the_managed_identity_and_no_access_key_is_deployed()
    {
        var deployed = Deployed();

        Assert.Equal("'managedidentity'", deployed["Sms__credential"]);
        Assert.Equal("identityClientId", deployed["Sms__clientId"]);
        Assert.DoesNotContain(deployed.Keys, k => k.StartsWith("Sms", StringComparison.OrdinalIgnoreCase) && k.Contains("Key", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Sms--AccessKey", Infra("keyvault.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_are_key_vault_references_never_literal_values()
    {
        var deployed = Deployed();

        Assert.All(Secrets, name => Assert.StartsWith("'@Microsoft.KeyVault(SecretUri=", deployed[name], StringComparison.Ordinal));
    }

    [Fact]
    public void No_storage_or_service_bus_connection_string_is_deployed()
    {
        var deployed = Deployed();

        Assert.DoesNotContain("LoyaltyStorage", deployed.Keys);
        Assert.DoesNotContain("ServiceBus", deployed.Keys);
        Assert.DoesNotContain("AzureWebJobsStorage", deployed.Keys);
    }

    [Fact]
    public async Task The_deployed_settings_pass_every_start_check_and_wire_identity_based_storage_and_service_bus()
    {
        var settings = Deployed().ToDictionary(p => p.Key, p => (string?)SampleValue(p.Key));

        await using var services = App(settings).BuildServiceProvider();
        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Null(services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString);
        Assert.Equal("stsample", services.GetRequiredService<TableServiceClient>().AccountName);
        Assert.Equal("stsample", services.GetRequiredService<QueueServiceClient>().AccountName);
        Assert.IsType<ServiceBusEventPublisher>(services.GetRequiredService<ILoyaltyEventPublisher>());
        Assert.Equal("sb-sample.servicebus.windows.net", services.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace);
        Assert.Equal(32, services.GetRequiredService<PhoneHashKey>().Key.Length);
        Assert.IsType<Loyalty.Infrastructure.Sms.AcsSmsSender>(services.GetRequiredService<Loyalty.Core.Reminders.ISmsSender>());
    }

    /// <summary>A value of the kind Azure puts there once the Bicep expressions are resolved.</summary>
    private static string SampleValue(string name) => name switch
    {
        _ when name.EndsWith("ServiceUri", StringComparison.Ordinal) => $"https://stsample.{name.Split("__")[1].Replace("ServiceUri", string.Empty, StringComparison.Ordinal)}.core.windows.net/",
        _ when name.EndsWith("__clientId", StringComparison.Ordinal) => "00000000-0000-0000-0000-0000000000c1",
        _ when name.EndsWith("__credential", StringComparison.Ordinal) => "managedidentity",
        "ServiceBus__fullyQualifiedNamespace" => "sb-sample.servicebus.windows.net",
        "ServiceBus__TopicName" => "loyalty-events",
        "AccrualQueueName" => "accrual",
        "Sms__Endpoint" => "https://acs-sample.communication.azure.com",
        "Sms__From" => "+18005550100",
        "Security__PhoneHashKey" => Convert.ToBase64String(new byte[32]),
        "Security__FieldKeys" => "k1:" + Convert.ToBase64String(new byte[32]),
        _ => "sample-value-of-sufficient-length",
    };

    [GeneratedRegex(@"\{\s*name:\s*'(?<name>[^']+)',\s*value:\s*(?<value>.+?)\s*\}\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex AppSetting();

    [GeneratedRegex("%(?<name>[A-Za-z0-9_.:-]+)%", RegexOptions.CultureInvariant)]
    private static partial Regex SettingReference();
}
