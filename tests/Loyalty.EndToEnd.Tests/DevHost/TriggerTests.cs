using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Loyalty.EndToEnd.Tests.Hosting;
using Loyalty.EndToEnd.Tests.Samples;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.EndToEnd.Tests.DevHost;

/// <summary>The dev host running the sample functions: binding, timers, poison queues and Durable orchestrations.</summary>
public sealed class TriggerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly SampleRecorder _recorder = new();
    private readonly string _queue = azurite.UniqueName("sample");
    private DevHostServer? _server;
    private DateTime _startedAt;

    private DevHostServer Server => _server!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            // The queue trigger names its own connection setting; the Functions app's storage is not needed otherwise.
            ["SampleStorage"] = azurite.ConnectionString,
            ["LoyaltyStorage"] = azurite.ConnectionString,
            ["SampleQueue"] = _queue,
            ["SampleSchedule"] = "0 0 3 1 1 *",
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "3",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
        };
        _startedAt = DateTime.UtcNow;
        _server = await DevHostServer.StartAsync(settings, typeof(SampleFunctions).Assembly, services => services.AddSingleton(_recorder));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Http_binds_typed_route_values_optional_segments_query_and_function_context()
    {
        using var full = await Server.Client.GetAsync("api/samples/echo/42/ann?q=hi");
        using var optional = await Server.Client.GetAsync("api/samples/echo/7");
        using var constraint = await Server.Client.GetAsync("api/samples/echo/not-a-number");

        var body = await Json.ReadAsync(full, 200);
        Assert.Equal(42, body["id"]!.GetValue<int>());
        Assert.Equal("ann", body["name"]!.GetValue<string>());
        Assert.Equal("hi", body["query"]!.GetValue<string>());
        Assert.Equal("Echo", body["function"]!.GetValue<string>());
        Assert.Null((await Json.ReadAsync(optional, 200))["name"]);
        Assert.Equal("route-not-found", (await Json.ReadAsync(constraint, 404))["code"]!.GetValue<string>());
    }

    /// <summary>These functions have no catch-all of their own: the dev host answers what routing refused, as the app's catch-all would.</summary>
    [Fact]
    public async Task Requests_no_function_takes_get_the_apps_problem_documents()
    {
        using var unknown = await Server.Client.GetAsync("api/samples/nothing-here");
        using var outsidePrefix = await Server.Client.GetAsync("nothing-here");
        using var wrongMethod = await Server.Client.PostAsync("api/samples/echo/42", JsonContent.Create(new { }));

        Assert.Equal("route-not-found", (await Json.ReadAsync(unknown, 404))["code"]!.GetValue<string>());
        Assert.Equal("/nothing-here", (await Json.ReadAsync(outsidePrefix, 404))["instance"]!.GetValue<string>());
        var problem = await Json.ReadAsync(wrongMethod, 405);
        Assert.Equal(("method-not-allowed", "application/problem+json"), (problem["code"]!.GetValue<string>(), wrongMethod.Content.Headers.ContentType?.MediaType));
        Assert.Equal(["GET"], wrongMethod.Content.Headers.Allow);
    }

    [Fact]
    public async Task Timer_with_RunOnStartup_runs_once_at_start_with_its_next_occurrence_from_the_resolved_schedule()
    {
        var timer = await _recorder.TimerRan.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var last = timer.ScheduleStatus!.Last;

        // "0 0 3 1 1 *" is Jan 1, 03:00 UTC: this year's when the host started before it, next year's otherwise.
        var thisYears = new DateTime(last.Year, 1, 1, 3, 0, 0, DateTimeKind.Utc);
        Assert.False(timer.IsPastDue);
        Assert.InRange(last, _startedAt, DateTime.UtcNow);
        Assert.Equal(thisYears > last ? thisYears : thisYears.AddYears(1), timer.ScheduleStatus.Next);
    }

    [Fact]
    public async Task Queue_message_that_always_fails_is_tried_maxDequeueCount_times_then_moved_to_the_poison_queue()
    {
        var queues = azurite.CreateQueueServiceClient();
        var input = queues.GetQueueClient($"{_queue}-in");
        await input.CreateIfNotExistsAsync();
        await input.SendMessageAsync("order 17");

        var poison = queues.GetQueueClient($"{_queue}-in-poison");
        var moved = await Poll.UntilAsync(
            async () => await poison.ExistsAsync() ? (await poison.PeekMessagesAsync(5)).Value : [],
            messages => messages.Length > 0,
            TimeSpan.FromSeconds(30));

        Assert.Equal(["order 17"], moved.Select(m => m.Body.ToString()));
        Assert.Equal(["attempt 1: order 17", "attempt 2: order 17", "attempt 3: order 17"], _recorder.Events.Where(e => e.StartsWith("attempt", StringComparison.Ordinal)));

        // The listener copies the message to the poison queue first and deletes the original after, so the input
        // queue empties a moment after the copy appears.
        Assert.Equal(0, await Poll.UntilAsync(async () => (await input.GetPropertiesAsync()).Value.ApproximateMessagesCount, count => count == 0, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Orchestration_started_over_http_runs_its_activities_on_the_in_process_durable_host()
    {
        using var started = await Server.Client.PostAsync("api/samples/greetings/Mei", JsonContent.Create(new { }));
        var instanceId = (await Json.ReadAsync(started, 202))["instanceId"]!.GetValue<string>();

        using var status = await Server.Client.GetAsync($"api/samples/greetings/{instanceId}");
        var result = await Json.ReadAsync(status, 200);

        Assert.Equal("Completed", result["status"]!.GetValue<string>());
        Assert.Equal(["Hello Mei #1", "Hello Mei #2"], result["output"]!.AsArray().Select(x => x!.GetValue<string>()));
    }
}
