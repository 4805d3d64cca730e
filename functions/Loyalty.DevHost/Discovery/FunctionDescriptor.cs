using System.Reflection;

namespace Loyalty.DevHost.Discovery;

/// <summary>One <c>[Function]</c> method: its name, the method to call and what triggers it.</summary>
public sealed record FunctionDescriptor(string Name, MethodInfo Method, FunctionTrigger Trigger)
{
    /// <summary>As functions.metadata writes it: <c>Namespace.Type.Method</c>.</summary>
    public string EntryPoint => $"{Method.DeclaringType!.FullName}.{Method.Name}";
}
