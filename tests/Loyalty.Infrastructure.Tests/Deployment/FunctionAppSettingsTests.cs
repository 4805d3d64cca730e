using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Loyalty.Core.Events;
using Loyalty.Core.Members;
using Loyalty.Infrastructure.Events;
using Loyalty.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Infrastructure.Tests.Deployment;

/// <summary>The app settings that infra/app/function.bicep deploys must be exactly the names the code reads.</summary>
public sealed partial class FunctionAppSettingsTests
{
    /// <summary>What the code reads in Azure (Functions and Infrastructure); each must be deployed.</summary>
    private static readonly string[] ReadByTheCode =
    [
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "LoyaltyStorage__tableServiceUri",
        "LoyaltyStorage__queueServiceUri",
        "LoyaltyStorage__credential",
        "LoyaltyStorage__clientId",
        "AccrualQueueName",
        "ServiceBus__fullyQualifiedNamespace",
        "ServiceBus__credential",
        "ServiceBus__clientId",
        "ServiceBus__TopicName",
        "Bootstrap__Secret",
        "Security__PhoneHashKey",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    private static readonly string[] Secrets = ["Bootstrap__Secret", "Security__PhoneHashKey", "Sms__AccessKey"];

    private static Dictionary<string, string> Deployed()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LoyaltyFunctions.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var bicep = File.ReadAllText(Path.Combine(root.FullName, "infra", "app", "function.bicep"));
        return AppSetting().Matches(bicep).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim());
    }

    [Fact]
    public void Every_setting_the_code_reads_is_deployed_under_the_same_name()
    {
        var deployed = Deployed();

        var missing = ReadByTheCode.Where(name => !deployed.ContainsKey(name)).ToList();

        Assert.True(missing.Count == 0, $"infra/app/function.bicep does not set: {string.Join(", ", missing)}");
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
    public async Task The_deployed_settings_wire_identity_based_storage_and_service_bus()
    {
        var settings = Deployed().ToDictionary(p => p.Key, p => (string?)SampleValue(p.Key));

        await using var services = DependencyInjectionTests.Build(settings);

        Assert.Null(services.GetRequiredService<StorageOptions>().ConnectionString);
        Assert.Equal("stsample", services.GetRequiredService<TableServiceClient>().AccountName);
        Assert.Equal("stsample", services.GetRequiredService<QueueServiceClient>().AccountName);
        Assert.IsType<ServiceBusEventPublisher>(services.GetRequiredService<ILoyaltyEventPublisher>());
        Assert.Equal("sb-sample.servicebus.windows.net", services.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace);
        Assert.Equal(32, services.GetRequiredService<PhoneHashKey>().Key.Length);
    }

    /// <summary>A value of the kind Azure puts there once the Bicep expressions are resolved.</summary>
    private static string SampleValue(string name) => name switch
    {
        _ when name.EndsWith("ServiceUri", StringComparison.Ordinal) => $"https://stsample.{name.Split("__")[1].Replace("ServiceUri", string.Empty, StringComparison.Ordinal)}.core.windows.net/",
        _ when name.EndsWith("__clientId", StringComparison.Ordinal) => "00000000-0000-0000-0000-0000000000c1",
        _ when name.EndsWith("__credential", StringComparison.Ordinal) => "managedidentity",
        "ServiceBus__fullyQualifiedNamespace" => "sb-sample.servicebus.windows.net",
        "Security__PhoneHashKey" => Convert.ToBase64String(new byte[32]),
        _ => "sample-value-of-sufficient-length",
    };

    [GeneratedRegex(@"\{\s*name:\s*'(?<name>[^']+)',\s*value:\s*(?<value>.+?)\s*\}\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex AppSetting();
}
