using Loyalty.DevHost;
using Loyalty.DevHost.Discovery;
using Loyalty.DevHost.Queues;
using Loyalty.DevHost.Settings;
using Loyalty.DevHost.Timers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Loyalty.EndToEnd.Tests.DevHost;

/// <summary>What the dev host found by reflection must be exactly what the Functions SDK declared, so the two never drift.</summary>
public sealed class DiscoveryMatchesMetadataTests
{
    [Fact]
    public void Discovered_functions_and_triggers_equal_functions_metadata()
    {
        var declared = FunctionsMetadataFile.Read().Select(f => FunctionsMetadataFile.Describe(f!)).Order(StringComparer.Ordinal);

        var discovered = FunctionCatalog.Discover(typeof(Loyalty.Functions.FunctionServices).Assembly).Functions.Select(Describe).Order(StringComparer.Ordinal);

        Assert.Equal(declared, discovered);
    }

    [Fact]
    public async Task The_built_host_serves_every_declared_route_and_listens_on_every_declared_queue_and_schedule()
    {
        var metadata = FunctionsMetadataFile.Read();
        var declaredRoutes = metadata
            .SelectMany(f => f!["bindings"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "httpTrigger").Select(b => (Function: f!, Binding: b!)))
            .Select(x => $"{FunctionsMetadataFile.Methods(x.Binding["methods"]?.AsArray().Select(m => m!.GetValue<string>()))} /api/{x.Binding["route"]?.GetValue<string>() ?? x.Function["name"]!.GetValue<string>()}")
            .Order(StringComparer.Ordinal);
        var declaredQueues = metadata
            .SelectMany(f => f!["bindings"]!.AsArray())
            .Where(b => b!["type"]!.GetValue<string>() == "queueTrigger")
            .Select(b => b!["queueName"]!.GetValue<string>());
        var declaredSchedules = metadata
            .SelectMany(f => f!["bindings"]!.AsArray())
            .Where(b => b!["type"]!.GetValue<string>() == "timerTrigger")
            .Select(b => b!["schedule"]!.GetValue<string>());

        await using var app = DevHostApplication.Create(new DevHostOptions
        {
            LoadLocalSettings = false,
            Settings = new Dictionary<string, string?>
            {
                ["LoyaltyStorage"] = "UseDevelopmentStorage=true",
                ["AccrualQueueName"] = "accrual-under-test",
                ["urls"] = "http://127.0.0.1:0",
            },
        });
        var routes = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<FunctionDescriptor>() is not null)
            .Select(e => $"{FunctionsMetadataFile.Methods(e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods)} {e.RoutePattern.RawText}")
            .Order(StringComparer.Ordinal);
        var hosted = app.Services.GetServices<IHostedService>().ToList();
        var settings = new SettingResolver(app.Configuration);

        Assert.Equal(declaredRoutes, routes);
        Assert.Equal(declaredQueues.Select(q => settings.Resolve(q).ToLowerInvariant()).Order(StringComparer.Ordinal), hosted.OfType<QueueTriggerListener>().Select(l => l.QueueName).Order(StringComparer.Ordinal));
        Assert.Equal(declaredSchedules.Select(settings.Resolve).Order(StringComparer.Ordinal), hosted.OfType<TimerTriggerScheduler>().Select(t => t.Schedule.Expression).Order(StringComparer.Ordinal));
    }

    private static string Describe(FunctionDescriptor function)
    {
        var detail = function.Trigger switch
        {
            HttpFunctionTrigger http => $"{FunctionsMetadataFile.Methods(http.Methods)} {http.Route}",
            QueueFunctionTrigger queue => $"{queue.QueueName} via {queue.Connection ?? "(default)"}",
            TimerFunctionTrigger timer => timer.Schedule,
            _ => string.Empty,
        };
        return $"{function.Name} {function.EntryPoint} {function.Trigger.BindingType} {detail}".TrimEnd();
    }
}
