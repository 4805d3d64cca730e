using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Loyalty.DevHost.Discovery;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Loyalty.DevHost.Invocation;

/// <summary>
/// Calls a <c>[Function]</c> method the way the isolated worker does: a new instance of its class from DI for every
/// invocation, parameters from the trigger plus the ones every function may ask for, and the awaited return value.
/// </summary>
public sealed class FunctionInvoker
{
    private readonly ConcurrentDictionary<Type, ObjectFactory> _factories = new();

    public async Task<object?> InvokeAsync(FunctionDescriptor function, IServiceProvider services, ITriggerBinder binder, int retryCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(binder);
        var context = new DevFunctionContext(function, services, binder.BindingData, retryCount, cancellationToken);
        var parameters = function.Method.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = await BindAsync(function, parameters[i], services, binder, context, cancellationToken);
        }

        var target = function.Method.IsStatic ? null : _factories.GetOrAdd(function.Method.DeclaringType!, t => ActivatorUtilities.CreateFactory(t, []))(services, []);
        try
        {
            var returned = function.Method.Invoke(target, arguments);
            return await Unwrap(returned);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
        finally
        {
            switch (target)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static async ValueTask<object?> BindAsync(FunctionDescriptor function, ParameterInfo parameter, IServiceProvider services, ITriggerBinder binder, DevFunctionContext context, CancellationToken cancellationToken)
    {
        if (await binder.BindAsync(parameter, context) is { } bound)
        {
            return bound.Value;
        }

        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (type == typeof(FunctionContext))
        {
            return context;
        }

        if (type == typeof(ILogger))
        {
            return services.GetRequiredService<ILoggerFactory>().CreateLogger($"Function.{function.Name}");
        }

        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null || type == typeof(DurableTaskClient))
        {
            return services.GetService<DurableTaskClient>()
                ?? throw new InvalidOperationException($"{function.Name} asks for a DurableTaskClient, but the durable host is not running.");
        }

        if (parameter.Name is { } name && binder.BindingData.TryGetValue(name, out var data))
        {
            return Convert(data, type, name, function.Name);
        }

        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue;
        }

        // Binding data that is absent (an optional route segment, a missing query value) binds as null, as in the worker.
        if (type == typeof(string) || Nullable.GetUnderlyingType(type) is not null)
        {
            return null;
        }

        throw new InvalidOperationException($"The dev host cannot bind parameter '{parameter.Name}' ({type.Name}) of function {function.Name}.");
    }

    /// <summary>Binding data (route values, queue metadata) converted to the parameter's type, as the worker's converters do.</summary>
    public static object? Convert(object? value, Type type, string name, string functionName)
    {
        ArgumentNullException.ThrowIfNull(type);
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null || target.IsInstanceOfType(value))
        {
            return value;
        }

        try
        {
            if (target.IsEnum)
            {
                return Enum.Parse(target, value.ToString()!, ignoreCase: true);
            }

            return target == typeof(Guid)
                ? Guid.Parse(value.ToString()!)
                : target == typeof(DateTimeOffset)
                    ? DateTimeOffset.Parse(value.ToString()!, CultureInfo.InvariantCulture)
                    : System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new InvalidOperationException($"Function {functionName}: '{value}' cannot bind to parameter '{name}' ({type.Name}).", ex);
        }
    }

    private static async Task<object?> Unwrap(object? returned)
    {
        switch (returned)
        {
            case null:
                return null;
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType && type.GetProperty("Result") is { } result && result.PropertyType.Name != "VoidTaskResult"
                    ? result.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                var valueTaskType = returned.GetType();
                if (valueTaskType.IsGenericType && valueTaskType.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)valueTaskType.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                    return await Unwrap(asTask);
                }

                return returned;
        }
    }
}
