using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Loyalty.DevHost.Discovery;

/// <summary>Finds every <c>[Function]</c> method of an assembly and its trigger, as the Functions SDK does when it writes functions.metadata.</summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions) => Functions = functions;

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public IEnumerable<(FunctionDescriptor Function, T Trigger)> Of<T>()
        where T : FunctionTrigger =>
        Functions.Where(f => f.Trigger is T).Select(f => (f, (T)f.Trigger));

    public static FunctionCatalog Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var functions = new List<FunctionDescriptor>();
        foreach (var type in assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract || t.IsAbstract && t.IsSealed))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is { } function)
                {
                    functions.Add(new FunctionDescriptor(function.Name, method, TriggerOf(method)));
                }
            }
        }

        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two [Function] methods are named '{duplicate.Key}': {string.Join(", ", duplicate.Select(f => f.EntryPoint))}.");
        }

        return new FunctionCatalog([.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)]);
    }

    private static FunctionTrigger TriggerOf(MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            foreach (var attribute in parameter.GetCustomAttributes())
            {
                switch (attribute)
                {
                    case HttpTriggerAttribute http:
                        var methods = (http.Methods ?? []).Select(m => m.ToUpperInvariant()).Distinct().ToList();
                        return new HttpFunctionTrigger(parameter, http.Route ?? method.GetCustomAttribute<FunctionAttribute>()!.Name, methods, http.AuthLevel.ToString());
                    case QueueTriggerAttribute queue:
                        return new QueueFunctionTrigger(parameter, queue.QueueName, queue.Connection);
                    case TimerTriggerAttribute timer:
                        return new TimerFunctionTrigger(parameter, timer.Schedule, timer.RunOnStartup);
                    case OrchestrationTriggerAttribute:
                        return new OrchestrationFunctionTrigger(parameter);
                    case ActivityTriggerAttribute:
                        return new ActivityFunctionTrigger(parameter);
                    case TriggerBindingAttribute other:
                        return new UnsupportedFunctionTrigger(parameter, other.GetType().Name);
                }
            }
        }

        throw new InvalidOperationException($"[Function] {method.DeclaringType?.FullName}.{method.Name} has no trigger parameter.");
    }
}
