using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Loyalty.Testing;

/// <summary>An Azurite started from node_modules/.bin on three free loopback ports, as scripts/azurite.sh does.</summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    // The well-known development account Azurite ships with; not a secret.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string _workspace;

    private AzuriteProcess(Process process, string workspace, string connectionString)
    {
        _process = process;
        _workspace = workspace;
        ConnectionString = connectionString;
        // Safety net for a run that ends without disposing its fixtures.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot)
    {
        var executable = await NodeModules.EnsureAzuriteAsync(repositoryRoot);
        var (blobPort, queuePort, tablePort) = FreePorts();

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
            "--blobPort", Invariant(blobPort), "--queuePort", Invariant(queuePort), "--tablePort", Invariant(tablePort),
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new ProcessOutput();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += output.Add;
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

        var connectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};"
            + $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};"
            + $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";
        var azurite = new AzuriteProcess(process, workspace, connectionString);
        try
        {
            await WaitForPortsAsync(process, output, blobPort, queuePort, tablePort);
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

    private static string Invariant(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static (int Blob, int Queue, int Table) FreePorts()
    {
        // Held together so the three are distinct; Azurite binds them a moment later.
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
                listener.Start();
            var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
            return (ports[0], ports[1], ports[2]);
        }
        finally
        {
            foreach (var listener in listeners)
                listener.Dispose();
        }
    }

    private static async Task WaitForPortsAsync(Process process, ProcessOutput output, params int[] ports)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                process.WaitForExit(); // drains the redirected output, so the message below has it all
                throw new InvalidOperationException(
                    $"Cannot start Azurite: it exited with code {process.ExitCode} during startup. Its output:{Environment.NewLine}{output}");
            }

            var open = await Task.WhenAll(ports.Select(IsOpenAsync));
            if (open.All(o => o))
                return;

            if (deadline.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException(
                    $"Cannot start Azurite: ports {string.Join('/', ports)} not open after {StartTimeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static async Task<bool> IsOpenAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
