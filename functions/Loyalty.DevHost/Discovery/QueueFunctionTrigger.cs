using System.Reflection;

namespace Loyalty.DevHost.Discovery;

/// <param name="QueueName">As written on the attribute: it may hold <c>%Setting%</c> references.</param>
public sealed record QueueFunctionTrigger(ParameterInfo Parameter, string QueueName, string? Connection) : FunctionTrigger(Parameter)
{
    public override string BindingType => "queueTrigger";
}
