using System.Text.RegularExpressions;

namespace Loyalty.Infrastructure.Tests.Deployment;

/// <summary>
/// `azd up --no-prompt` stops with "missing required inputs" when a Bicep parameter without a default has no value:
/// azd asks for such a parameter unless main.parameters.json maps it to a variable that is set. So every such
/// parameter must come from a variable that azd itself always supplies or that the preup/preprovision hook always sets.
/// </summary>
public sealed partial class NonInteractiveProvisioningTests
{
    /// <summary>What azd supplies on every provision, with the first azd version that did (read in the azd source).</summary>
    private static readonly Dictionary<string, Version> SetByAzd = new()
    {
        // Written to .azure/<env>/.env when azd creates the environment.
        ["AZURE_ENV_NAME"] = new(1, 0, 0),
        // azd's own required input, like the subscription: asked for, or taken from --location / AZURE_LOCATION.
        ["AZURE_LOCATION"] = new(1, 0, 0),
        // Resolved from the current login for every deployment, never read from .env (bicep_provider.go, evalParamEnvSubst).
        ["AZURE_PRINCIPAL_ID"] = new(1, 0, 0),
        // Same, User or ServicePrincipal from the login type; added in azd 1.17.1 (Azure/azure-dev#5285).
        ["AZURE_PRINCIPAL_TYPE"] = new(1, 17, 1),
    };

    private const string SecretsHookPosix = "infra/hooks/ensure-secrets.sh";
    private const string SecretsHookWindows = "infra/hooks/ensure-secrets.ps1";

    [Fact]
    public void Every_parameter_without_a_default_comes_from_a_variable_azd_or_the_hook_always_sets()
    {
        var mapped = ParameterVariables();
        var alwaysSet = SetByAzd.Keys.Concat(HookSetVariables()).ToHashSet();

        var required = RequiredParameters();

        Assert.NotEmpty(required);
        Assert.All(required, name =>
        {
            Assert.True(mapped.TryGetValue(name, out var variable), $"main.bicep parameter '{name}' has no default and no entry in main.parameters.json");
            Assert.True(variable is not null, $"main.parameters.json must give '{name}' as a single ${{VARIABLE}}");
            Assert.True(alwaysSet.Contains(variable), $"'{name}' comes from {variable}, which neither azd nor {SecretsHookPosix} always sets");
        });
    }

    [Fact]
    public void The_secrets_hook_runs_before_up_and_before_provision_on_both_platforms()
    {
        var hooks = DeploymentFiles.AzureYaml()["hooks"]!;

        Assert.All(new[] { "preup", "preprovision" }, name =>
        {
            Assert.Equal(SecretsHookPosix, hooks[name]?["posix"]?["run"]?.GetValue<string>());
            Assert.Equal(SecretsHookWindows, hooks[name]?["windows"]?["run"]?.GetValue<string>());
        });
    }

    [Fact]
    public void Both_versions_of_the_secrets_hook_set_the_same_variables()
    {
        var posix = AzdEnvSetInShell().Matches(DeploymentFiles.Text(SecretsHookPosix)).Select(m => m.Groups["name"].Value).ToHashSet();
        var windows = AzdEnvSetInPwsh().Matches(DeploymentFiles.Text(SecretsHookWindows)).Select(m => m.Groups["name"].Value).ToHashSet();

        Assert.NotEmpty(posix);
        Assert.Equal(posix.Order(), windows.Order());
    }

    [Fact]
    public void The_required_azd_version_supplies_every_variable_the_parameters_use()
    {
        var range = DeploymentFiles.AzureYaml()["requiredVersions"]?["azd"]?.GetValue<string>() ?? string.Empty;
        var minimum = MinimumVersion().Match(range);
        Assert.True(minimum.Success, $"azure.yaml requiredVersions.azd should read '>= x.y.z', not '{range}'");

        var needed = ParameterVariables().Values.OfType<string>().Where(SetByAzd.ContainsKey).Max(v => SetByAzd[v])!;

        Assert.True(Version.Parse(minimum.Groups["version"].Value) >= needed, $"main.parameters.json needs azd {needed} or later");
    }

    /// <summary>Parameter name to the one variable its value names, or null when the value is anything else.</summary>
    private static Dictionary<string, string?> ParameterVariables() =>
        DeploymentFiles.Json("infra/main.parameters.json")["parameters"]!.AsObject().ToDictionary(
            p => p.Key,
            p => WholeVariable().Match(p.Value?["value"]?.ToString() ?? string.Empty) is { Success: true } m ? m.Groups["name"].Value : null);

    private static List<string> RequiredParameters() =>
        [.. Parameter().Matches(DeploymentFiles.Text("infra/main.bicep")).Where(m => !m.Groups["default"].Success).Select(m => m.Groups["name"].Value)];

    private static IEnumerable<string> HookSetVariables() =>
        AzdEnvSetInShell().Matches(DeploymentFiles.Text(SecretsHookPosix)).Select(m => m.Groups["name"].Value);

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s+\S+?(\s*=\s*(?<default>.+?))?\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^\$\{(?<name>[A-Z0-9_]+)\}$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeVariable();

    // A direct `azd env set`, or the hook's helper that sets a vault-backed secret.
    [GeneratedRegex(@"(azd env set|^ensure_vault_secret) (?<name>[A-Z0-9_]+) ", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex AzdEnvSetInShell();

    [GeneratedRegex(@"(Set-AzdValue|^Set-VaultSecret) '(?<name>[A-Z0-9_]+)'", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex AzdEnvSetInPwsh();

    [GeneratedRegex(@"^>=\s*(?<version>\d+\.\d+\.\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex MinimumVersion();
}
