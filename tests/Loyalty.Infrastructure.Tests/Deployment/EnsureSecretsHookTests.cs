using Loyalty.Testing.Deployment;

namespace Loyalty.Infrastructure.Tests.Deployment;

/// <summary>
/// infra/hooks/ensure-secrets.sh and .ps1, run as azd runs them with a fake azd (and az): a new environment gets
/// random secrets, an existing one keeps its phone hash key, and nothing that cannot be read is ever replaced.
/// </summary>
public sealed class EnsureSecretsHookTests : IDisposable
{
    private const string PhoneKey = "LOYALTY_PHONE_HASH_KEY";
    private const string Bootstrap = "LOYALTY_BOOTSTRAP_SECRET";
    private const string FieldKeys = "LOYALTY_FIELD_KEYS";
    private const string Subscription = "00000000-0000-0000-0000-0000000000aa";

    private readonly HookSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    public static TheoryData<HookShell> Shells => [HookShell.Sh, HookShell.Pwsh];

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_new_environment_gets_a_random_phone_hash_key_field_key_ring_and_bootstrap_secret(HookShell shell)
    {
        var first = Run(shell, new() { ["AZURE_ENV_NAME"] = "loyalty-new" });
        var firstSets = Sets();
        using var other = new HookSandbox();
        other.Run(shell, Script(shell), new Dictionary<string, string> { ["AZURE_ENV_NAME"] = "loyalty-new" });

        Assert.Equal(0, first.ExitCode);
        Assert.Equal([Bootstrap, FieldKeys, PhoneKey], firstSets.Keys.Order());
        Assert.StartsWith("k1:", firstSets[FieldKeys], StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(firstSets[FieldKeys]["k1:".Length..]).Length);
        Assert.NotEqual(firstSets[FieldKeys], other.EnvSets.Single(s => s.Key == FieldKeys).Value);
        Assert.Equal(32, Convert.FromBase64String(firstSets[PhoneKey]).Length);
        Assert.Equal(32, Convert.FromBase64String(firstSets[Bootstrap]).Length);
        Assert.NotEqual(firstSets[PhoneKey], firstSets[Bootstrap]);
        Assert.NotEqual(firstSets[PhoneKey], other.EnvSets.Single(s => s.Key == PhoneKey).Value);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Values_already_in_the_environment_are_kept(HookShell shell)
    {
        var run = Run(shell, new()
        {
            ["AZURE_ENV_NAME"] = "loyalty-prod",
            ["AZURE_KEY_VAULT_NAME"] = "kv-abc",
            ["AZURE_SUBSCRIPTION_ID"] = Subscription,
            [PhoneKey] = "a2VwdC1rZXk=",
            [Bootstrap] = "kept-bootstrap-secret",
            [FieldKeys] = "k1:a2VwdC1rZXk=",
        });

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(_sandbox.EnvSets);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void An_environment_provisioned_before_reads_its_key_from_its_vault_through_azd(HookShell shell)
    {
        _sandbox.FakeAz("az must not be asked", exitCode: 3);

        var run = Run(shell, new()
        {
            ["AZURE_ENV_NAME"] = "loyalty-prod",
            ["AZURE_KEY_VAULT_NAME"] = "kv-abc",
            ["AZURE_SUBSCRIPTION_ID"] = Subscription,
        });

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"akvs://{Subscription}/kv-abc/Security--PhoneHashKey", Sets()[PhoneKey]);
        Assert.Equal($"akvs://{Subscription}/kv-abc/Security--FieldKeys", Sets()[FieldKeys]);
        Assert.DoesNotContain("az must not be asked", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_known_vault_without_a_subscription_stops_the_deployment(HookShell shell)
    {
        var run = Run(shell, new() { ["AZURE_ENV_NAME"] = "loyalty-prod", ["AZURE_KEY_VAULT_NAME"] = "kv-abc" });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("azd env refresh", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(_sandbox.EnvSets, s => s.Key == PhoneKey);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void An_existing_resource_group_the_environment_does_not_know_stops_the_deployment(HookShell shell)
    {
        _sandbox.FakeAz("true");

        var run = Run(shell, new() { ["AZURE_ENV_NAME"] = "loyalty-prod", ["AZURE_SUBSCRIPTION_ID"] = Subscription });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("rg-loyalty-prod already exists", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(_sandbox.EnvSets, s => s.Key is PhoneKey or FieldKeys);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_resource_group_az_reports_missing_means_a_new_environment(HookShell shell)
    {
        _sandbox.FakeAz("false");

        var run = Run(shell, new() { ["AZURE_ENV_NAME"] = "loyalty-new", ["AZURE_SUBSCRIPTION_ID"] = Subscription });

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(32, Convert.FromBase64String(Sets()[PhoneKey]).Length);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void When_az_cannot_check_the_resource_group_the_hook_says_so(HookShell shell)
    {
        _sandbox.FakeAz("ERROR: Please run 'az login' to setup account.", exitCode: 1);

        var run = Run(shell, new() { ["AZURE_ENV_NAME"] = "loyalty-new", ["AZURE_SUBSCRIPTION_ID"] = Subscription });

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("az could not tell whether rg-loyalty-new already exists", run.Output, StringComparison.Ordinal);
        Assert.True(Sets().ContainsKey(PhoneKey));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_failing_azd_env_set_fails_the_hook(HookShell shell)
    {
        var run = Run(shell, new() { ["AZURE_ENV_NAME"] = "loyalty-new", ["AZD_FAKE_FAIL"] = "1" });

        Assert.NotEqual(0, run.ExitCode);
    }

    private HookRun Run(HookShell shell, Dictionary<string, string> environment) => _sandbox.Run(shell, Script(shell), environment);

    private Dictionary<string, string> Sets() => _sandbox.EnvSets.ToDictionary();

    private static string Script(HookShell shell) => shell == HookShell.Sh ? "infra/hooks/ensure-secrets.sh" : "infra/hooks/ensure-secrets.ps1";
}
