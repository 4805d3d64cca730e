using System.Reflection;

namespace Loyalty.DevHost.Discovery;

public sealed record ActivityFunctionTrigger(ParameterInfo Parameter) : FunctionTrigger(Parameter)
{
    public override string BindingType => "activityTrigger";
}
