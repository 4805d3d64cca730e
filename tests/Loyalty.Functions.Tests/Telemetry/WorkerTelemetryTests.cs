using System.Collections.Concurrent;
using Loyalty.Functions.Purchases;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Loyalty.Functions.Tests.Telemetry;

/// <summary>The worker's telemetry as Program.cs registers it, with the transmission replaced by a recorder.</summary>
public sealed class WorkerTelemetryTests
{
    private static ServiceProvider Build(string? connectionString, RecordingChannel channel)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = connectionString })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ITelemetryChannel>(channel)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information));
        services.AddWorkerTelemetry();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Information_logs_of_the_app_reach_application_insights_as_traces()
    {
        var channel = new RecordingChannel();
        await using var services = Build("InstrumentationKey=00000000-0000-0000-0000-00000000a1b2;IngestionEndpoint=http://127.0.0.1:9/", channel);

        services.GetRequiredService<ILogger<PurchaseFunctions>>().LogInformation("Order {OrderId} credited", "o-telemetry-1");

        var trace = Assert.Single(channel.Sent.OfType<TraceTelemetry>(), t => t.Message.Contains("o-telemetry-1", StringComparison.Ordinal));
        Assert.Equal(SeverityLevel.Information, trace.SeverityLevel);
        Assert.Equal("00000000-0000-0000-0000-00000000a1b2", trace.Context.InstrumentationKey);
    }

    [Fact]
    public async Task The_host_is_told_the_worker_sends_its_own_logs_so_they_are_not_sent_twice()
    {
        await using var services = Build("InstrumentationKey=00000000-0000-0000-0000-00000000a1b2", new RecordingChannel());

        var capabilities = services.GetRequiredService<IOptions<WorkerOptions>>().Value.Capabilities;

        Assert.Equal(bool.TrueString, capabilities["WorkerApplicationInsightsLoggingEnabled"]);
    }

    /// <summary>The SDK's own channel (ServerTelemetryChannel) rejects items without an instrumentation key, so none leaves the machine.</summary>
    [Fact]
    public async Task Without_a_connection_string_the_worker_still_logs_and_its_telemetry_has_no_destination()
    {
        var channel = new RecordingChannel();
        await using var services = Build(null, channel);

        services.GetRequiredService<ILogger<PurchaseFunctions>>().LogWarning("Order {OrderId} failed", "o-telemetry-2");

        var trace = Assert.Single(channel.Sent.OfType<TraceTelemetry>(), t => t.Message.Contains("o-telemetry-2", StringComparison.Ordinal));
        Assert.True(string.IsNullOrEmpty(trace.Context.InstrumentationKey));
    }

    private sealed class RecordingChannel : ITelemetryChannel
    {
        public ConcurrentQueue<ITelemetry> Sent { get; } = new();

        public bool? DeveloperMode { get; set; }

        public string? EndpointAddress { get; set; }

        public void Send(ITelemetry item) => Sent.Enqueue(item);

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
