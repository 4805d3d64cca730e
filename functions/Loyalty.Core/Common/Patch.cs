using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loyalty.Core.Common;

/// <summary>
/// A field of a partial update: absent from the request (leave it as it is), or present with a value — null included,
/// which clears it. A plain nullable cannot tell "absent" from "null".
/// </summary>
[JsonConverter(typeof(PatchConverterFactory))]
public readonly record struct Patch<T>
{
    private Patch(T value)
    {
        IsSet = true;
        Value = value;
    }

    public bool IsSet { get; }

    public T Value { get; }

#pragma warning disable CA1000 // A factory on the generic type reads naturally at call sites.
    public static Patch<T> Set(T value) => new(value);
#pragma warning restore CA1000

    public T Or(T current) => IsSet ? Value : current;
}

/// <summary>Reads a <see cref="Patch{T}"/> from the property's value (null included) and writes the value when set.</summary>
public sealed class PatchConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Patch<>);
    }

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return (JsonConverter)Activator.CreateInstance(typeof(PatchConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class PatchConverter<T> : JsonConverter<Patch<T>>
    {
        public override bool HandleNull => true;

        public override Patch<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Patch<T>.Set(reader.TokenType == JsonTokenType.Null ? default! : JsonSerializer.Deserialize<T>(ref reader, options)!);

        public override void Write(Utf8JsonWriter writer, Patch<T> value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            JsonSerializer.Serialize(writer, value.Value, options);
        }
    }
}
