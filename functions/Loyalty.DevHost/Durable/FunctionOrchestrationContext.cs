using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;

namespace Loyalty.DevHost.Durable;

/// <summary>
/// The worker's orchestration context with one difference: <see cref="GetInput{T}"/> converts the input to whatever type
/// the orchestrator asks for. A <c>[Function]</c> orchestrator does not declare its input type, so the dev host registers
/// it with <c>object</c> input (a JsonElement) and converts on request, as the Functions worker does.
/// </summary>
public sealed class FunctionOrchestrationContext(TaskOrchestrationContext inner, object? input) : TaskOrchestrationContext
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override string Version => inner.Version;

    public override IReadOnlyDictionary<string, object?> Properties => inner.Properties;

    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    public override ILoggerFactory ReplaySafeLoggerFactory => inner.ReplaySafeLoggerFactory;

    // The inner context's factory is not reachable from here; its replay-safe one serves for both.
    protected override ILoggerFactory LoggerFactory => inner.ReplaySafeLoggerFactory;

    public override T GetInput<T>() => Convert<T>(input);

    public static T Convert<T>(object? value) => value switch
    {
        null => default!,
        T typed => typed,
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => default!,
        JsonElement element => element.Deserialize<T>(Json)!,
        _ => JsonSerializer.SerializeToElement(value).Deserialize<T>(Json)!,
    };

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync<TResult>(name, input, options);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) => inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override Guid NewGuid() => inner.NewGuid();
}
