using System.Reflection;

namespace Loyalty.DevHost.Discovery;

/// <summary>What starts a function: the attribute on its trigger parameter, reduced to what the dev host needs.</summary>
public abstract record FunctionTrigger(ParameterInfo? Parameter)
{
    /// <summary>The binding type as functions.metadata names it (httpTrigger, queueTrigger...).</summary>
    public abstract string BindingType { get; }
}
