using System.Reflection;
using Loyalty.DevHost.Invocation;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.DevHost.Timers;

/// <summary>Binds <see cref="TimerInfo"/> (schedule status and whether the run is past due) to the trigger parameter.</summary>
public sealed class TimerTriggerBinder(ParameterInfo trigger, TimerInfo info) : ITriggerBinder
{
    public IReadOnlyDictionary<string, object?> BindingData { get; } = new Dictionary<string, object?>();

    public ValueTask<BoundValue?> BindAsync(ParameterInfo parameter, DevFunctionContext context) =>
        ValueTask.FromResult(parameter == trigger ? new BoundValue(info) : null);
}
