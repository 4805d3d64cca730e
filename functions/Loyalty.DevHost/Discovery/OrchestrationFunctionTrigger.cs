using System.Reflection;

namespace Loyalty.DevHost.Discovery;

public sealed record OrchestrationFunctionTrigger(ParameterInfo Parameter) : FunctionTrigger(Parameter)
{
    public override string BindingType => "orchestrationTrigger";
}
