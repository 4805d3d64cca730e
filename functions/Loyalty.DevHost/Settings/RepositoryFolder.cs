namespace Loyalty.DevHost.Settings;

public static class RepositoryFolder
{
    /// <summary>The nearest folder holding LoyaltyFunctions.sln above the working directory or the binaries; null outside a clone.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LoyaltyFunctions.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
