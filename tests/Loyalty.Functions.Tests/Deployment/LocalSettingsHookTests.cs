using System.Text.Json.Nodes;
using Loyalty.Functions.Tests.Metadata;
using Loyalty.Testing.Deployment;

namespace Loyalty.Functions.Tests.Deployment;

/// <summary>
/// infra/hooks/write-local-settings.sh and .ps1 (azd postprovision): the local.settings.json they write lets a local
/// `func start` use the cloud resources without competing with the cloud app for its queue, its orchestrations or its
/// scheduled jobs.
/// </summary>
public sealed class LocalSettingsHookTests : IDisposable
{
    private const string SettingsFile = "functions/Loyalty.Functions/local.settings.json";
    private const string PhoneHashKey = "cGhvbmUtaGFzaC1rZXktb2YtdGhlLWVudmlyb25tZW50";
    private const string FieldKeys = "k1:ZmllbGQta2V5LW9mLXRoZS1lbnZpcm9ubWVudC0zMmI=";

    private static readonly Dictionary<string, string> Provisioned = new()
    {
        ["AZURE_ENV_NAME"] = "loyalty-dev",
        ["AZURE_STORAGE_BLOB_ENDPOINT"] = "https://stsample.blob.core.windows.net/",
        ["AZURE_STORAGE_QUEUE_ENDPOINT"] = "https://stsample.queue.core.windows.net/",
        ["AZURE_STORAGE_TABLE_ENDPOINT"] = "https://stsample.table.core.windows.net/",
        ["AZURE_STORAGE_ACCRUAL_QUEUE"] = "accrual",
        ["AZURE_SERVICEBUS_FULLY_QUALIFIED_NAMESPACE"] = "sb-sample.servicebus.windows.net",
        ["AZURE_SERVICEBUS_TOPIC_NAME"] = "loyalty-events",
        ["AZURE_COMMUNICATION_ENDPOINT"] = "https://acs-sample.communication.azure.com",
        ["AZURE_KEY_VAULT_NAME"] = "kv-sample",
        ["LOYALTY_PHONE_HASH_KEY"] = PhoneHashKey,
        ["LOYALTY_FIELD_KEYS"] = FieldKeys,
        ["LOYALTY_BOOTSTRAP_SECRET"] = "bootstrap-secret-that-must-stay-in-key-vault",
        ["SMS_FROM"] = "+18005550100",
    };

    private readonly HookSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    public static TheoryData<HookShell> Shells => [HookShell.Sh, HookShell.Pwsh];

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_local_host_gets_its_own_accrual_queue_and_task_hub(HookShell shell)
    {
        var values = Write(shell, Provisioned);

        Assert.Equal("accrual-local", values["AccrualQueueName"]);
        Assert.Equal("LoyaltyLocalDev", values["AzureFunctionsJobHost__extensions__durableTask__hubName"]);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Every_timer_function_of_the_app_is_disabled_locally(HookShell shell)
    {
        var timers = FunctionMetadataTests.ReadMetadata()
            .Where(f => FunctionMetadataTests.Describe(f!).StartsWith("timer ", StringComparison.Ordinal))
            .Select(f => f!["name"]!.GetValue<string>())
            .ToList();

        var values = Write(shell, Provisioned);

        Assert.NotEmpty(timers);
        Assert.All(timers, name => Assert.True(
            values.GetValueOrDefault($"AzureWebJobs.{name}.Disabled") == "true",
            $"timer function {name} would run locally too: add it to the timer list of infra/hooks/write-local-settings.sh and .ps1"));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void The_cloud_resources_the_phone_hash_key_and_the_field_keys_are_written_but_no_other_secret(HookShell shell)
    {
        var values = Write(shell, Provisioned);

        Assert.Equal("https://stsample.table.core.windows.net/", values["LoyaltyStorage__tableServiceUri"]);
        Assert.Equal("https://stsample.queue.core.windows.net/", values["LoyaltyStorage__queueServiceUri"]);
        Assert.Equal("https://stsample.blob.core.windows.net/", values["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal("sb-sample.servicebus.windows.net", values["ServiceBus__fullyQualifiedNamespace"]);
        Assert.Equal("+18005550100", values["Sms__From"]);
        Assert.Equal(PhoneHashKey, values["Security__PhoneHashKey"]);
        Assert.Equal(FieldKeys, values["Security__FieldKeys"]);
        Assert.DoesNotContain(values.Keys, k => k.StartsWith("Bootstrap", StringComparison.Ordinal) || k == "Sms__AccessKey");
        Assert.DoesNotContain("bootstrap-secret", File.ReadAllText(Path.Combine(_sandbox.ProjectDirectory, SettingsFile)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_phone_hash_key_known_only_as_a_vault_reference_is_left_out_with_the_command_to_fetch_it(HookShell shell)
    {
        var environment = new Dictionary<string, string>(Provisioned)
        {
            ["LOYALTY_PHONE_HASH_KEY"] = "akvs://sub/kv-sample/Security--PhoneHashKey",
            ["LOYALTY_FIELD_KEYS"] = "akvs://sub/kv-sample/Security--FieldKeys",
        };

        var run = _sandbox.Run(shell, Script(shell), environment);
        var values = ReadValues();

        Assert.Equal(0, run.ExitCode);
        Assert.False(values.ContainsKey("Security__PhoneHashKey"));
        Assert.Contains("az keyvault secret show --vault-name kv-sample --name Security--PhoneHashKey", run.Output, StringComparison.Ordinal);
        Assert.False(values.ContainsKey("Security__FieldKeys"));
        Assert.Contains("az keyvault secret show --vault-name kv-sample --name Security--FieldKeys", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void An_existing_settings_file_is_left_unchanged(HookShell shell)
    {
        var path = Path.Combine(_sandbox.ProjectDirectory, SettingsFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{ \"mine\": true }");

        var run = _sandbox.Run(shell, Script(shell), Provisioned);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{ \"mine\": true }", File.ReadAllText(path));
    }

    private Dictionary<string, string> Write(HookShell shell, Dictionary<string, string> environment)
    {
        var run = _sandbox.Run(shell, Script(shell), environment);
        Assert.True(run.ExitCode == 0, run.Output);
        return ReadValues();
    }

    private Dictionary<string, string> ReadValues()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_sandbox.ProjectDirectory, SettingsFile)))!;
        Assert.False(json["IsEncrypted"]!.GetValue<bool>());
        return json["Values"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
    }

    private static string Script(HookShell shell) =>
        shell == HookShell.Sh ? "infra/hooks/write-local-settings.sh" : "infra/hooks/write-local-settings.ps1";
}
