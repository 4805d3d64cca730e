using Loyalty.DevHost.Discovery;
using Loyalty.DevHost.Invocation;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.DevHost.Durable;

/// <summary>An <c>[ActivityTrigger]</c> function as a Durable Task activity; its input type is the trigger parameter's type.</summary>
public sealed class FunctionActivity(FunctionDescriptor function, IServiceProvider services, FunctionInvoker invoker) : ITaskActivity
{
    public Type InputType => function.Trigger.Parameter!.ParameterType;

    public Type OutputType => ReturnTypes.Unwrapped(function.Method);

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        await using var scope = services.CreateAsyncScope();
        var binder = new DurableTriggerBinder(function.Trigger.Parameter!, input, input, context);
        return await invoker.InvokeAsync(function, scope.ServiceProvider, binder, 0, CancellationToken.None);
    }
}
