using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Loyalty.EndToEnd.Tests.Samples;

/// <summary>
/// Functions of every trigger kind the dev host runs, written as the Functions app would write them. The dev host is
/// pointed at this test assembly to check timers, poison handling and Durable orchestrations, which the app has few of yet.
/// </summary>
public sealed class SampleFunctions(SampleRecorder recorder)
{
    [Function("Echo")]
    public static IActionResult Echo([HttpTrigger(AuthorizationLevel.Function, "get", Route = "samples/echo/{id:int}/{name?}")] HttpRequest req, int id, string? name, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(req);
        ArgumentNullException.ThrowIfNull(context);
        return new OkObjectResult(new { id, name, function = context.FunctionDefinition.Name, query = req.Query["q"].ToString() });
    }

    [Function("StartGreeting")]
    public static async Task<IActionResult> StartGreeting(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "samples/greetings/{name}")] HttpRequest req, string name, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync("Greeting", new SampleGreeting(name, 2), req.HttpContext.RequestAborted);
        return new AcceptedResult($"/api/samples/greetings/{instanceId}", new { instanceId });
    }

    [Function("GreetingStatus")]
    public static async Task<IActionResult> GreetingStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "samples/greetings/{instanceId}")] HttpRequest req, string instanceId, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var state = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, req.HttpContext.RequestAborted);
        return new OkObjectResult(new { status = state.RuntimeStatus.ToString(), output = state.ReadOutputAs<string[]>() });
    }

    [Function("Greeting")]
    public static async Task<string[]> Greeting([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<SampleGreeting>()!;
        var lines = new List<string>();
        for (var i = 1; i <= input.Times; i++)
        {
            lines.Add(await context.CallActivityAsync<string>("SayHello", new SampleGreeting(input.Name, i)));
        }

        return [.. lines];
    }

    [Function("SayHello")]
    public string SayHello([ActivityTrigger] SampleGreeting greeting)
    {
        ArgumentNullException.ThrowIfNull(greeting);
        recorder.Events.Enqueue($"hello {greeting.Name}");
        return $"Hello {greeting.Name} #{greeting.Times}";
    }

    [Function("Tick")]
    public void Tick([TimerTrigger("%SampleSchedule%", RunOnStartup = true)] TimerInfo timer) => recorder.TimerRan.TrySetResult(timer);

    [Function("AlwaysFails")]
    public void AlwaysFails([QueueTrigger("%SampleQueue%-in", Connection = "SampleStorage")] string message, long dequeueCount)
    {
        recorder.Events.Enqueue($"attempt {dequeueCount}: {message}");
        throw new InvalidOperationException("This message can never be processed.");
    }
}
