using System.Text.Json.Nodes;
using Loyalty.Testing.Deployment;

namespace Loyalty.Infrastructure.Tests.Deployment;

/// <summary>The deployment files of the repository, read the way azd reads them.</summary>
public static class DeploymentFiles
{
    public static string PathOf(string relative) => Path.Combine(HookSandbox.RepositoryRoot, relative);

    public static string Text(string relative) => File.ReadAllText(PathOf(relative));

    public static JsonObject AzureYaml() => YamlJson.Parse(Text("azure.yaml"))!.AsObject();

    public static JsonObject Json(string relative) => JsonNode.Parse(Text(relative))!.AsObject();
}
