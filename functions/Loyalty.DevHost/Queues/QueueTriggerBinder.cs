using System.Reflection;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using Loyalty.DevHost.Invocation;

namespace Loyalty.DevHost.Queues;

/// <summary>Binds a queue message to the trigger parameter (string, bytes, BinaryData, QueueMessage or a JSON object) and exposes its metadata by name.</summary>
public sealed class QueueTriggerBinder(ParameterInfo trigger, QueueMessage message) : ITriggerBinder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyDictionary<string, object?> BindingData { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
    {
        ["Id"] = message.MessageId,
        ["PopReceipt"] = message.PopReceipt,
        ["DequeueCount"] = message.DequeueCount,
        ["InsertionTime"] = message.InsertedOn,
        ["ExpirationTime"] = message.ExpiresOn,
        ["NextVisibleTime"] = message.NextVisibleOn,
        ["QueueTrigger"] = message.Body.ToString(),
    };

    public ValueTask<BoundValue?> BindAsync(ParameterInfo parameter, DevFunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter != trigger)
        {
            return ValueTask.FromResult<BoundValue?>(null);
        }

        var type = parameter.ParameterType;
        object? value = type == typeof(string) ? message.Body.ToString()
            : type == typeof(BinaryData) ? message.Body
            : type == typeof(byte[]) ? message.Body.ToArray()
            : type == typeof(QueueMessage) ? message
            : JsonSerializer.Deserialize(message.Body.ToString(), type, Json);
        return ValueTask.FromResult<BoundValue?>(new BoundValue(value));
    }
}
