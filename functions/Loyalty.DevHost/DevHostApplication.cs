using Loyalty.DevHost.Discovery;
using Loyalty.DevHost.Durable;
using Loyalty.DevHost.Http;
using Loyalty.DevHost.Invocation;
using Loyalty.DevHost.Queues;
using Loyalty.DevHost.Settings;
using Loyalty.DevHost.Timers;
using Loyalty.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Loyalty.DevHost;

/// <summary>Builds the dev host: the Functions app's services and function classes in a plain ASP.NET Core app.</summary>
public static class DevHostApplication
{
    public static WebApplication Create(DevHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. options.Args],
            ApplicationName = typeof(DevHostApplication).Assembly.GetName().Name,
        });

        AddFunctionSettings(builder.Configuration, options);
        var generatedKey = options.KeepLocalPhoneHashKey
            ? LocalPhoneHashKey.AddIfMissing(builder.Configuration, StateDirectory.Resolve(builder.Configuration))
            : null;
        var generatedFieldKeys = options.KeepLocalPhoneHashKey
            ? LocalFieldKeys.AddIfMissing(builder.Configuration, StateDirectory.Resolve(builder.Configuration))
            : null;
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DevHostOptions.DefaultUrl);
        }

        builder.Logging.AddFilter("Azure", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // The start banner says where the host listens and how to stop it.
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);

        var catalog = FunctionCatalog.Discover(options.FunctionAssembly);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddLoyaltyFunctions(builder.Configuration);
        builder.Services.AddMvcCore();
        options.ConfigureServices?.Invoke(builder.Services);
        // As the Functions host: a disabled function's listener is never started and its schedule never runs.
        bool Enabled(FunctionDescriptor function) => !DisabledFunctionSetting.IsDisabled(builder.Configuration, function.Name);
        foreach (var (function, trigger) in catalog.Of<QueueFunctionTrigger>().Where(f => Enabled(f.Function)))
        {
            builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueTriggerListener>(sp, function, trigger, sp));
        }

        foreach (var (function, trigger) in catalog.Of<TimerFunctionTrigger>().Where(f => Enabled(f.Function)))
        {
            builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TimerTriggerScheduler>(sp, function, trigger, sp));
        }

        if (DurableFunctions.IsNeeded(catalog))
        {
            builder.Services.AddDurableFunctions(catalog);
        }

        var app = builder.Build();
        app.UseProblemsForUnmatchedRequests();
        app.MapHttpFunctions(catalog, app.Configuration);
        foreach (var unsupported in catalog.Functions.Where(f => f.Trigger is UnsupportedFunctionTrigger))
        {
            app.Logger.LogWarning("{Function}: the dev host cannot run {Trigger} functions; it is not started", unsupported.Name, unsupported.Trigger.BindingType);
        }

        LogDisabled(app, catalog);
        if (generatedKey is not null)
        {
            app.Logger.LogInformation("Security__PhoneHashKey is not set: using the local key in {File}", generatedKey);
        }

        if (generatedFieldKeys is not null)
        {
            app.Logger.LogInformation("Security__FieldKeys is not set: using the local key ring in {File}", generatedFieldKeys);
        }

        return app;
    }

    private static void LogDisabled(WebApplication app, FunctionCatalog catalog)
    {
        foreach (var function in catalog.Functions.Where(f => DisabledFunctionSetting.IsDisabled(app.Configuration, f.Name)))
        {
            var setting = DisabledFunctionSetting.NameFor(function.Name);
            if (function.Trigger is OrchestrationFunctionTrigger or ActivityFunctionTrigger)
            {
                app.Logger.LogWarning("{Function}: {Setting} is ignored; the dev host runs orchestrations and activities whatever it says", function.Name, setting);
            }
            else
            {
                app.Logger.LogInformation("{Function}: disabled by {Setting}", function.Name, setting);
            }
        }
    }

    /// <summary>
    /// Settings in the order the Functions host layers them: host.json, then local.settings.json Values, then environment
    /// variables and the command line (which WebApplication already has), then what the caller passes.
    /// </summary>
    private static void AddFunctionSettings(ConfigurationManager configuration, DevHostOptions options)
    {
        var layered = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (HostJsonFile.Find() is { } hostJson)
        {
            foreach (var (key, value) in HostJsonFile.Read(hostJson))
            {
                layered[key] = value;
            }
        }

        var settingsFile = options.SettingsFile ?? (options.LoadLocalSettings ? LocalSettingsFile.Find(RepositoryFolder.Find()) : null);
        if (settingsFile is not null)
        {
            foreach (var (key, value) in LocalSettingsFile.Read(settingsFile))
            {
                layered[key] = value;
            }

            layered[SettingsFileKey] = settingsFile;
        }

        DevelopmentStorage.Redirect(layered, configuration[DevelopmentStorage.OverrideKey] ?? options.Settings.GetValueOrDefault(DevelopmentStorage.OverrideKey));
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = layered });
        configuration.AddInMemoryCollection(options.Settings);
    }

    /// <summary>The settings file the host read, for the start banner.</summary>
    public const string SettingsFileKey = "DevHost:SettingsFile";
}
