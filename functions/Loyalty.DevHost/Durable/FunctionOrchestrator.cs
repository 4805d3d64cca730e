using Loyalty.DevHost.Discovery;
using Loyalty.DevHost.Invocation;
using Microsoft.DurableTask;

namespace Loyalty.DevHost.Durable;

/// <summary>An <c>[OrchestrationTrigger]</c> function as a Durable Task orchestrator.</summary>
public sealed class FunctionOrchestrator(FunctionDescriptor function, IServiceProvider services, FunctionInvoker invoker) : ITaskOrchestrator
{
    public Type InputType => typeof(object);

    public Type OutputType => ReturnTypes.Unwrapped(function.Method);

    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var wrapped = new FunctionOrchestrationContext(context, input);
        var binder = new DurableTriggerBinder(function.Trigger.Parameter!, wrapped, input, activity: null);
        // No scope and no await of anything but the orchestrator itself: orchestrator code must stay on the replay thread.
        return await invoker.InvokeAsync(function, services, binder, 0, CancellationToken.None);
    }
}
