using System.Reflection;

namespace Loyalty.DevHost.Invocation;

/// <summary>Supplies the trigger payload and the trigger's binding data (route values, queue message id...) to parameters.</summary>
public interface ITriggerBinder
{
    IReadOnlyDictionary<string, object?> BindingData { get; }

    /// <summary>The parameter's value, or null when this trigger has nothing for it.</summary>
    ValueTask<BoundValue?> BindAsync(ParameterInfo parameter, DevFunctionContext context);
}
