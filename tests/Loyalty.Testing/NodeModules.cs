using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Loyalty.Testing;

/// <summary>Makes sure the repository's pinned Azurite (package.json) is installed.</summary>
internal static class NodeModules
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    public static async Task<string> EnsureAzuriteAsync(string repositoryRoot)
    {
        var executable = Path.Combine(
            repositoryRoot, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (File.Exists(executable))
            return executable;

        // Test assemblies run in parallel processes; only one may run npm ci (it empties node_modules).
        using (await AcquireInstallLockAsync(repositoryRoot))
        {
            if (!File.Exists(executable))
                await RunNpmCiAsync(repositoryRoot);
        }

        return File.Exists(executable)
            ? executable
            : throw new InvalidOperationException(
                $"Cannot start Azurite: {executable} is still missing after npm ci in {repositoryRoot}.");
    }

    private static async Task RunNpmCiAsync(string repositoryRoot)
    {
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = repositoryRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
            startInfo.ArgumentList.Add(argument);

        var output = new ProcessOutput();
        using var npm = new Process { StartInfo = startInfo };
        npm.OutputDataReceived += output.Add;
        npm.ErrorDataReceived += output.Add;
        try
        {
            npm.Start();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                $"Cannot start Azurite: node_modules/.bin/azurite is missing and `npm ci` could not be started ({ex.Message}). Install Node.js and npm.",
                ex);
        }
        npm.BeginOutputReadLine();
        npm.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(InstallTimeout);
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw new InvalidOperationException(
                $"Cannot start Azurite: `npm ci` did not finish within {InstallTimeout.TotalMinutes:0} minutes. Its output:{Environment.NewLine}{output}");
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Cannot start Azurite: `npm ci` exited with code {npm.ExitCode}. Its output:{Environment.NewLine}{output}");
        }
    }

    private static async Task<FileStream> AcquireInstallLockAsync(string repositoryRoot)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(repositoryRoot)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"loyalty-npm-ci-{key}.lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < InstallTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }
}
