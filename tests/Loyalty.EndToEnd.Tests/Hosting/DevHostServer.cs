using System.Reflection;
using Loyalty.DevHost;
using Loyalty.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.EndToEnd.Tests.Hosting;

/// <summary>The dev host started in-process on a free loopback port, and an HttpClient pointed at it.</summary>
public sealed class DevHostServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DevHostServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settingsFile">A local.settings.json to read first, as <c>func start</c> would; none by default.</param>
    public static async Task<DevHostServer> StartAsync(IReadOnlyDictionary<string, string?> settings, Assembly? functions = null, Action<IServiceCollection>? services = null, string? settingsFile = null)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Error",
        };
        all.TryAdd("Security:PhoneHashKey", TestSecrets.NewPhoneHashKey());
        all.TryAdd("Security:FieldKeys", TestSecrets.NewFieldKeys());
        var app = DevHostApplication.Create(new DevHostOptions
        {
            LoadLocalSettings = false,
            SettingsFile = settingsFile,
            Settings = all,
            FunctionAssembly = functions ?? typeof(Loyalty.Functions.FunctionServices).Assembly,
            ConfigureServices = services,
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new DevHostServer(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
