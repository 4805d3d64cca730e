using System.Net.Http.Json;
using Loyalty.DevHost.Queues;
using Loyalty.DevHost.Timers;
using Loyalty.EndToEnd.Tests.Hosting;
using Loyalty.EndToEnd.Tests.Samples;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Loyalty.EndToEnd.Tests.DevHost;

/// <summary>
/// The sample functions with three of them switched off by <c>AzureWebJobs.{name}.Disabled</c>: two in the settings
/// file's Values (as the postprovision hook writes it for every timer), one in the host's configuration.
/// </summary>
public sealed class DisabledFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    /// <summary>Ten of the host's polling intervals (maxPollingInterval below): ample for an enabled listener or a RunOnStartup timer.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    private readonly SampleRecorder _recorder = new();
    private readonly string _queue = azurite.UniqueName("disabled");
    private readonly string _settingsFile = Path.GetTempFileName();
    private DevHostServer? _server;

    private DevHostServer Server => _server!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_settingsFile, """
            {
              "IsEncrypted": false,
              "Values": { "AzureWebJobs.Tick.Disabled": "true", "AzureWebJobs.Echo.Disabled": 1 }
            }
            """);
        var settings = new Dictionary<string, string?>
        {
            ["SampleStorage"] = azurite.ConnectionString,
            ["LoyaltyStorage"] = azurite.ConnectionString,
            ["SampleQueue"] = _queue,
            ["SampleSchedule"] = "0 0 3 1 1 *",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
            ["AzureWebJobs_AlwaysFails_Disabled"] = "True",
        };
        _server = await DevHostServer.StartAsync(settings, typeof(SampleFunctions).Assembly, services => services.AddSingleton(_recorder), _settingsFile);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        File.Delete(_settingsFile);
    }

    [Fact]
    public async Task A_disabled_http_function_answers_404_route_not_found_while_its_route_still_refuses_other_methods()
    {
        using var get = await Server.Client.GetAsync("api/samples/echo/42/ann");
        using var post = await Server.Client.PostAsync("api/samples/echo/42", JsonContent.Create(new { }));

        var problem = await Json.ReadAsync(get, 404);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("route-not-found", "/api/samples/echo/42/ann"), (problem["code"]!.GetValue<string>(), problem["instance"]!.GetValue<string>()));
        Assert.Contains("AzureWebJobs.Echo.Disabled", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // Its route stays known: another method is still refused as for an enabled function.
        Assert.Equal("method-not-allowed", (await Json.ReadAsync(post, 405))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Functions_not_switched_off_keep_running_next_to_disabled_ones()
    {
        using var started = await Server.Client.PostAsync("api/samples/greetings/Mei", JsonContent.Create(new { }));
        var instanceId = (await Json.ReadAsync(started, 202))["instanceId"]!.GetValue<string>();
        using var status = await Server.Client.GetAsync($"api/samples/greetings/{instanceId}");

        Assert.Equal("Completed", (await Json.ReadAsync(status, 200))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_disabled_queue_function_is_not_listened_to_and_a_disabled_timer_never_runs()
    {
        var input = azurite.CreateQueueServiceClient().GetQueueClient($"{_queue}-in");
        await input.CreateIfNotExistsAsync();
        await input.SendMessageAsync("order 18");

        await Task.Delay(Quiet);

        var waiting = Assert.Single((await input.PeekMessagesAsync(5)).Value);
        Assert.Equal(("order 18", 0L), (waiting.Body.ToString(), waiting.DequeueCount));
        Assert.DoesNotContain(_recorder.Events, e => e.StartsWith("attempt", StringComparison.Ordinal));
        Assert.False(_recorder.TimerRan.Task.IsCompleted);

        // The samples' only queue and timer functions are the disabled ones: nothing was started for either.
        var hosted = Server.Services.GetServices<IHostedService>().ToList();
        Assert.Empty(hosted.OfType<QueueTriggerListener>());
        Assert.Empty(hosted.OfType<TimerTriggerScheduler>());
    }
}
