using System.Diagnostics;

namespace Loyalty.Testing;

/// <summary>An Azurite started from node_modules/.bin on three free loopback ports it picks itself, as scripts/azurite.sh does.</summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    // The well-known development account Azurite ships with; not a secret.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string _workspace;

    private AzuriteProcess(Process process, string workspace)
    {
        _process = process;
        _workspace = workspace;
        // Safety net for a run that ends without disposing its fixtures.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public string ConnectionString { get; private set; } = string.Empty;

    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot)
    {
        var executable = await NodeModules.EnsureAzuriteAsync(repositoryRoot);

        // Azurite refuses --location with --inMemoryPersistence; a private working folder keeps
        // anything it might write out of the repository.
        var workspace = Directory.CreateTempSubdirectory("loyalty-azurite-").FullName;
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workspace,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--disableProductStyleUrl",
            // Telemetry dials the cloud metadata endpoint and slows every start and stop.
            "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new ProcessOutput();
        var ports = new AzuritePorts();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += output.Add;
        process.OutputDataReceived += (_, e) => ports.Add(e.Data);
        process.ErrorDataReceived += output.Add;
        try
        {
            process.Start();
        }
        catch (Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"Cannot start Azurite: starting {executable} failed: {ex.Message}", ex);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new AzuriteProcess(process, workspace);
        try
        {
            var (blobPort, queuePort, tablePort) = await WaitForPortsAsync(process, output, ports);
            azurite.ConnectionString =
                $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
                + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};"
                + $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};"
                + $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Kill();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // It was sent a kill; an exit we cannot wait for is not worth failing a test run.
            }
        }
        _process.Dispose();
        DeleteWorkspace();
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        Kill();
        DeleteWorkspace();
    }

    private void DeleteWorkspace()
    {
        try
        {
            Directory.Delete(_workspace, recursive: true);
        }
        catch (IOException)
        {
            // A leftover empty temp folder is harmless.
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static async Task<(int Blob, int Queue, int Table)> WaitForPortsAsync(Process process, ProcessOutput output, AzuritePorts ports)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var exited = process.WaitForExitAsync(timeout.Token);
        var first = await Task.WhenAny(ports.All, exited);
        if (first == ports.All)
            return await ports.All;

        if (process.HasExited)
        {
            process.WaitForExit(); // drains the redirected output, so the message below has it all
            throw new InvalidOperationException(
                $"Cannot start Azurite: it exited with code {process.ExitCode} during startup. Its output:{Environment.NewLine}{output}");
        }

        throw new InvalidOperationException(
            $"Cannot start Azurite: it did not report its three ports within {StartTimeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{output}");
    }
}
