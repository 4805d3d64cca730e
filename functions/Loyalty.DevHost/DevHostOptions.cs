using System.Reflection;

namespace Loyalty.DevHost;

/// <summary>How to build a dev host. The defaults are the app as <c>dotnet run</c> starts it; tests narrow them.</summary>
public sealed record DevHostOptions
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>Where the <c>[Function]</c> classes are; the Functions app unless a test brings its own.</summary>
    public Assembly FunctionAssembly { get; init; } = typeof(Loyalty.Functions.FunctionServices).Assembly;

    /// <summary>Read local.settings.json (or the sample) like <c>func start</c>; tests pass <see cref="Settings"/> instead.</summary>
    public bool LoadLocalSettings { get; init; } = true;

    /// <summary>An explicit settings file; otherwise the one <c>func start</c> would use.</summary>
    public string? SettingsFile { get; init; }

    /// <summary>Settings on top of everything else (after environment variables and the command line).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>
    /// Generate the phone-hash key and the field key ring when no setting gives them, kept in the state folder (<c>DevHost:StateDirectory</c>,
    /// default .devhost/) for later starts. Off by default: tests supply their own keys.
    /// </summary>
    public bool KeepLocalPhoneHashKey { get; init; }

    /// <summary>Extra services, registered after the app's own (a test's fakes or recorders).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }
}
