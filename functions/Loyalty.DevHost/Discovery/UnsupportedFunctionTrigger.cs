using System.Reflection;

namespace Loyalty.DevHost.Discovery;

/// <summary>A trigger the dev host cannot run (e.g. an entity trigger): listed, so nothing is silently missing, but never invoked.</summary>
public sealed record UnsupportedFunctionTrigger(ParameterInfo? Parameter, string AttributeName) : FunctionTrigger(Parameter)
{
    public override string BindingType =>
        AttributeName.EndsWith("Attribute", StringComparison.Ordinal)
            ? char.ToLowerInvariant(AttributeName[0]) + AttributeName[1..^"Attribute".Length]
            : AttributeName;
}
