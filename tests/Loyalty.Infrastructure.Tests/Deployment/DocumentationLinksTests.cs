using System.Text.RegularExpressions;

namespace Loyalty.Infrastructure.Tests.Deployment;

/// <summary>The README and docs stand alone: every link points at a file of this repository.</summary>
public sealed partial class DocumentationLinksTests
{
    public static TheoryData<string> Documents() => ["README.md", "docs/architecture.md", "docs/deploy.md", "docs/devhost.md", "infra/README.md"];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_link_points_at_a_file_in_the_repository(string document)
    {
        var path = DeploymentFiles.PathOf(document);
        var links = Link().Matches(File.ReadAllText(path)).Select(m => m.Groups["target"].Value).ToList();

        var outside = links.Where(t => t.Contains(':', StringComparison.Ordinal) || t.StartsWith("//", StringComparison.Ordinal)).ToList();
        var missing = links.Except(outside)
            .Select(t => t.Split('#')[0])
            .Where(t => t.Length > 0 && !File.Exists(Path.Combine(Path.GetDirectoryName(path)!, t)) && !Directory.Exists(Path.Combine(Path.GetDirectoryName(path)!, t)))
            .ToList();

        Assert.True(outside.Count == 0, $"{document} links outside the repository: {string.Join(", ", outside)}");
        Assert.True(missing.Count == 0, $"{document} links to files that do not exist: {string.Join(", ", missing)}");
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
