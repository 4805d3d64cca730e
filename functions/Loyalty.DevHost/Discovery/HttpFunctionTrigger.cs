using System.Reflection;

namespace Loyalty.DevHost.Discovery;

/// <param name="Route">The route template without the <c>api/</c> prefix; the function name when the attribute has none.</param>
/// <param name="Methods">Upper-case HTTP methods; empty means any method.</param>
public sealed record HttpFunctionTrigger(ParameterInfo Parameter, string Route, IReadOnlyList<string> Methods, string AuthLevel) : FunctionTrigger(Parameter)
{
    public override string BindingType => "httpTrigger";
}
