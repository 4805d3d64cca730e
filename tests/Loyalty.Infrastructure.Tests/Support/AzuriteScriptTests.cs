using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Loyalty.Testing;

namespace Loyalty.Infrastructure.Tests.Support;

/// <summary>scripts/azurite.sh as scripts/test.sh and run.sh use it, each run with a state folder of its own.</summary>
public sealed class AzuriteScriptTests : IDisposable
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "azurite-script-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        // A failed assertion must not leave an Azurite behind.
        Run("stop");
    }

    /// <summary>Wanted ports (run.sh asks for 10000-10002) that something else holds: Azurite starts on free ones it picks itself.</summary>
    [Fact]
    public async Task Started_on_wanted_ports_already_taken_it_falls_back_to_ports_it_picks_itself_and_stop_ends_it()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var takenPort = ((IPEndPoint)taken.LocalEndpoint).Port;

        var start = Run("start", ("AZURITE_PORTS", $"{takenPort} 0 0"));
        var connectionString = Run("connection-string").Output.Trim();
        var pid = int.Parse(await File.ReadAllTextAsync(Path.Combine(_stateDirectory, "pid")), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(0, start.ExitCode);
        Assert.Contains("in use; starting on free ports instead", start.Errors, StringComparison.Ordinal);
        Assert.Contains($"export LOYALTY_TEST_STORAGE='{connectionString}'", start.Output, StringComparison.Ordinal);
        var tables = new TableServiceClient(connectionString);
        Assert.NotEqual(takenPort, tables.Uri.Port);
        var table = tables.GetTableClient("azuritescript" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));
        Assert.Single(table.Query<TableEntity>());

        Assert.Equal(0, Run("stop").ExitCode);
        Assert.False(IsRunning(pid));
        Assert.False(Directory.Exists(_stateDirectory));
        Assert.NotEqual(0, Run("status").ExitCode);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private (int ExitCode, string Output, string Errors) Run(string command, params (string Name, string Value)[] environment)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(RepositoryRoot.Find(), "scripts", "azurite.sh"), command },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["AZURITE_STATE_DIR"] = _stateDirectory;
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/azurite.sh {command} did not finish within 120 s.");
        }

        return (process.ExitCode, output.Result, errors.Result);
    }
}
