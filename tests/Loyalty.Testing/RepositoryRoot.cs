namespace Loyalty.Testing;

internal static class RepositoryRoot
{
    /// <summary>The nearest folder above the test binaries holding LoyaltyFunctions.sln or package.json.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LoyaltyFunctions.sln"))
                || File.Exists(Path.Combine(dir.FullName, "package.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Cannot start Azurite: no folder above {AppContext.BaseDirectory} holds LoyaltyFunctions.sln or package.json. "
            + $"Set {AzuriteFixture.ConnectionStringVariable} to a storage connection string instead.");
    }
}
