using System.Diagnostics;

namespace Loyalty.Testing.Deployment;

/// <summary>
/// Runs an azd hook script of the repository as azd would (the script itself on POSIX, <c>pwsh -File</c> on Windows),
/// in an empty project folder, with a fake <c>azd</c> that records every <c>azd env set</c> and an optional fake
/// <c>az</c>. The PATH holds only those fakes and the few real tools the scripts use, so a real az on the machine
/// can never answer, and the environment carries no AZURE_* or LOYALTY_* value the test did not give.
/// </summary>
public sealed class HookSandbox : IDisposable
{
    private static readonly string[] RealTools = ["sh", "openssl", "sed", "dirname", "mkdir"];
    private static readonly string[] ScrubbedPrefixes = ["AZURE_", "LOYALTY_", "SMS_", "AZD_"];
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly string _root;
    private readonly string _bin;
    private readonly string _azdLog;

    public HookSandbox()
    {
        _root = Directory.CreateTempSubdirectory("loyalty-hook-").FullName;
        _bin = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;
        ProjectDirectory = Directory.CreateDirectory(Path.Combine(_root, "project")).FullName;
        _azdLog = Path.Combine(_root, "azd-env-set.log");
        foreach (var tool in RealTools)
        {
            File.CreateSymbolicLink(Path.Combine(_bin, tool), FindOnPath(tool));
        }

        // Records `azd env set NAME VALUE` as NAME=VALUE lines; AZD_FAKE_FAIL makes every call fail.
        WriteExecutable("azd", $$"""
            #!/bin/sh
            [ -z "${AZD_FAKE_FAIL:-}" ] || { echo "azd: failing as asked" >&2; exit 1; }
            [ "$1 $2" = "env set" ] || { echo "fake azd: unexpected command: $*" >&2; exit 2; }
            printf '%s=%s\n' "$3" "$4" >> '{{_azdLog}}'
            """);
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The folder azd runs hooks in: the project root (where azure.yaml is).</summary>
    public string ProjectDirectory { get; }

    /// <summary>Every <c>azd env set</c> the hook made, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> EnvSets => File.Exists(_azdLog)
        ? [.. File.ReadAllLines(_azdLog).Select(line => line.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p[1]))]
        : [];

    /// <summary>Puts an <c>az</c> on the PATH that prints <paramref name="output"/> and exits with <paramref name="exitCode"/>.</summary>
    public void FakeAz(string output, int exitCode = 0) => WriteExecutable("az", $$"""
        #!/bin/sh
        printf '%s\n' '{{output}}'
        exit {{exitCode}}
        """);

    public HookRun Run(HookShell shell, string script, IReadOnlyDictionary<string, string> environment)
    {
        var scriptPath = Path.Combine(RepositoryRoot, script);
        var start = shell == HookShell.Sh ? new ProcessStartInfo(scriptPath) : PwshStart(scriptPath, ProjectDirectory);
        start.WorkingDirectory = shell == HookShell.Sh ? ProjectDirectory : RepositoryRoot;
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var name in start.Environment.Keys.Where(k => ScrubbedPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["PATH"] = $"{_bin}{Path.PathSeparator}{Path.GetDirectoryName(DotnetHost())}";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new ProcessOutput();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += output.Add;
        process.ErrorDataReceived += output.Add;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {Timeout}. Its output:{Environment.NewLine}{output}");
        }

        process.WaitForExit();
        return new HookRun(process.ExitCode, output.ToString());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // The repository's tool manifest (.config/dotnet-tools.json) pins PowerShell; `dotnet tool restore` installs it.
    private static ProcessStartInfo PwshStart(string scriptPath, string workingDirectory)
    {
        var start = new ProcessStartInfo(DotnetHost());
        foreach (var argument in new[] { "tool", "run", "pwsh", "--", "-NoLogo", "-NoProfile", "-NonInteractive", "-WorkingDirectory", workingDirectory, "-File", scriptPath })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    // Its real folder (not /usr/bin, where a symlink to it may sit beside an az): pwsh's tool shim needs dotnet on the PATH.
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } set ? set : FindOnPath("dotnet");
        return new FileInfo(host).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? host;
    }

    private void WriteExecutable(string name, string content)
    {
        var path = Path.Combine(_bin, name);
        File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The hook sandbox runs the POSIX tools the hooks use: Linux or macOS only.");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"The hook tests need '{tool}' on the PATH.");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "azure.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds azure.yaml.");
    }
}
