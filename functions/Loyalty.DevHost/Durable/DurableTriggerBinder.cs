using System.Reflection;
using Loyalty.DevHost.Invocation;
using Microsoft.DurableTask;

namespace Loyalty.DevHost.Durable;

/// <summary>Binds an orchestration or activity: the trigger parameter (context, or the activity's input) and, for an orchestrator, its input to any other unbound parameter.</summary>
public sealed class DurableTriggerBinder(ParameterInfo trigger, object? triggerValue, object? input, TaskActivityContext? activity) : ITriggerBinder
{
    private static readonly Type[] HostProvided = [typeof(CancellationToken), typeof(Microsoft.Azure.Functions.Worker.FunctionContext), typeof(Microsoft.Extensions.Logging.ILogger)];

    public IReadOnlyDictionary<string, object?> BindingData { get; } = new Dictionary<string, object?>();

    public ValueTask<BoundValue?> BindAsync(ParameterInfo parameter, DevFunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter == trigger)
        {
            return ValueTask.FromResult<BoundValue?>(new BoundValue(triggerValue));
        }

        if (activity is not null && parameter.ParameterType == typeof(TaskActivityContext))
        {
            return ValueTask.FromResult<BoundValue?>(new BoundValue(activity));
        }

        if (activity is null && !HostProvided.Contains(parameter.ParameterType) && parameter.GetCustomAttributes().All(a => a.GetType().Name != "DurableClientAttribute"))
        {
            var convert = typeof(FunctionOrchestrationContext).GetMethod(nameof(FunctionOrchestrationContext.Convert))!.MakeGenericMethod(parameter.ParameterType);
            return ValueTask.FromResult<BoundValue?>(new BoundValue(convert.Invoke(null, [input])));
        }

        return ValueTask.FromResult<BoundValue?>(null);
    }
}
