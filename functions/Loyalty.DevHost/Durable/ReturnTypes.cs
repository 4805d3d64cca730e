using System.Reflection;

namespace Loyalty.DevHost.Durable;

internal static class ReturnTypes
{
    /// <summary>What a method produces once awaited: T for Task&lt;T&gt;/ValueTask&lt;T&gt;, object for Task/void.</summary>
    public static Type Unwrapped(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return type.GetGenericArguments()[0];
        }

        return type == typeof(void) || type == typeof(Task) || type == typeof(ValueTask) ? typeof(object) : type;
    }
}
