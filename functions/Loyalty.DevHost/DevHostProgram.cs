using Loyalty.DevHost.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.DevHost;

/// <summary><c>dotnet run --project functions/Loyalty.DevHost -- [--seed-demo] [--no-demo] [--urls ...]</c></summary>
public static class DevHostProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seed = args.Contains("--seed-demo", StringComparer.Ordinal);
        var demo = !args.Contains("--no-demo", StringComparer.Ordinal);
        var remaining = args.Where(a => a is not ("--seed-demo" or "--no-demo")).ToList();

        await using var app = DevHostApplication.Create(new DevHostOptions { Args = remaining, KeepLocalPhoneHashKey = true });
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? DevHostOptions.DefaultUrl;
        var output = Console.Out;
        await output.WriteLineAsync($"Loyalty dev host on {baseUrl} (settings: {app.Configuration[DevHostApplication.SettingsFileKey] ?? "environment only"})");
        await output.WriteLineAsync(Describe(app));
        await output.WriteLineAsync($"Merchant console: {ConsoleUrl(baseUrl, app.Configuration)} (sign in with the admin key below)");

        try
        {
            await PrepareDemoAsync(app, demo, seed, baseUrl, output);
        }
        catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            await output.WriteLineAsync("Stopped before the demo tenant was ready.");
        }

        await output.WriteLineAsync("Press Ctrl+C to stop.");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static async Task PrepareDemoAsync(WebApplication app, bool demo, bool seed, string baseUrl, TextWriter output)
    {
        if (demo || seed)
        {
            var stateDirectory = Settings.StateDirectory.Resolve(app.Configuration);
            var keys = await ActivatorUtilities.CreateInstance<DemoTenant>(app.Services, stateDirectory).EnsureAsync(app.Lifetime.ApplicationStopping);
            if (seed)
            {
                await ActivatorUtilities.CreateInstance<DemoSeeder>(app.Services).SeedAsync(keys.TenantId, output, app.Lifetime.ApplicationStopping);
            }

            var bootstrap = Settings.SettingSource.Describe(app.Configuration, "Bootstrap:Secret") is { } source
                ? $"from {source}"
                : "not set (Bootstrap__Secret), so the endpoint is off";
            await output.WriteLineAsync(keys.Describe(baseUrl, bootstrap));
        }
    }

    /// <summary>The console's address: the Functions host puts the route prefix before every route, this one too.</summary>
    public static string ConsoleUrl(string baseUrl, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var prefix = Http.HttpFunctionEndpoints.RoutePrefix(configuration);
        return $"{baseUrl.TrimEnd('/')}/{(prefix.Length > 0 ? prefix + "/" : string.Empty)}console/";
    }

    private static string Describe(WebApplication app)
    {
        var catalog = app.Services.GetRequiredService<Discovery.FunctionCatalog>();
        var prefix = Http.HttpFunctionEndpoints.RoutePrefix(app.Configuration);
        var lines = catalog.Functions.Select(f => f.Trigger switch
        {
            Discovery.HttpFunctionTrigger h => $"  {f.Name}: [{(h.Methods.Count == 0 ? "ANY" : string.Join(',', h.Methods))}] /{prefix}/{h.Route}",
            Discovery.QueueFunctionTrigger q => $"  {f.Name}: queue {q.QueueName}",
            Discovery.TimerFunctionTrigger t => $"  {f.Name}: timer {t.Schedule}{(t.RunOnStartup ? " (runs on startup)" : string.Empty)}",
            _ => $"  {f.Name}: {f.Trigger.BindingType}",
        } + (Settings.DisabledFunctionSetting.IsDisabled(app.Configuration, f.Name) ? " (disabled)" : string.Empty));
        return "Functions:" + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}
