using System.Text.Json.Nodes;
using Json.Schema;

namespace Loyalty.Infrastructure.Tests.Deployment;

/// <summary>
/// azure.yaml against a strict JSON schema of azd's documented azure.yaml format (infra/schemas/azure.yaml.schema.json),
/// so a misspelt hook or a field azd does not know fails here rather than being ignored at a user's first `azd up`.
/// </summary>
public sealed class AzureYamlSchemaTests
{
    private static readonly string SchemaText = DeploymentFiles.Text("infra/schemas/azure.yaml.schema.json");
    private static readonly JsonSchema AzdSchema = JsonSchema.FromText(SchemaText);

    [Fact]
    public void Azure_yaml_is_valid_against_the_schema_of_azds_documented_format()
    {
        var result = Evaluate(DeploymentFiles.AzureYaml());

        Assert.True(result.IsValid, $"azure.yaml does not match infra/schemas/azure.yaml.schema.json:{Environment.NewLine}{Describe(result)}");
    }

    [Fact]
    public void The_schema_check_rejects_a_hook_azd_does_not_have()
    {
        var yaml = DeploymentFiles.AzureYaml();
        yaml["hooks"]!["preprovison"] = yaml["hooks"]!["preprovision"]!.DeepClone();

        Assert.False(Evaluate(yaml).IsValid);
    }

    [Fact]
    public void The_schema_check_rejects_a_run_beside_platform_specific_hooks()
    {
        var yaml = DeploymentFiles.AzureYaml();
        yaml["hooks"]!["preup"]!["run"] = "echo ignored";

        Assert.False(Evaluate(yaml).IsValid);
    }

    [Fact]
    public void Every_hook_script_exists_and_the_posix_ones_run_as_azd_starts_them()
    {
        var hooks = DeploymentFiles.AzureYaml()["hooks"]!.AsObject();

        Assert.All(hooks, hook =>
        {
            var posix = hook.Value!["posix"]!["run"]!.GetValue<string>();
            var windows = hook.Value!["windows"]!["run"]!.GetValue<string>();
            Assert.True(File.Exists(DeploymentFiles.PathOf(windows)), $"{hook.Key}: {windows} is missing");

            // azd starts a POSIX hook script by its path: it needs the execute bit and a shebang.
            var path = DeploymentFiles.PathOf(posix);
            Assert.True(File.Exists(path), $"{hook.Key}: {posix} is missing");
            Assert.True(IsExecutable(path), $"{posix} is not executable");
            Assert.StartsWith("#!/bin/sh\n", File.ReadAllText(path), StringComparison.Ordinal);
        });
    }

    // Execute bits exist on POSIX file systems only; the hook tests run on Linux and macOS.
    private static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows() && File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute);

    private static EvaluationResults Evaluate(JsonNode yaml) =>
        AzdSchema.Evaluate(yaml, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Describe(EvaluationResults result) => string.Join(
        Environment.NewLine,
        (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"  {d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")));
}
