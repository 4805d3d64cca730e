using System.Collections;
using System.Text.Json.Serialization.Metadata;
using Loyalty.Core.Common;
using Loyalty.Functions.OpenApi;

namespace Loyalty.Functions.Http;

/// <summary>
/// Holds every text of a request body to its <see cref="RequestBounds.Texts"/> length, walking the body as it was read
/// (nested objects, list items <c>a[0]</c>, map values <c>a.key</c>), so an over-long text is a 422 naming its field before
/// any use case sees it — for every request, with the limits the API description shows.
/// </summary>
public static class RequestTexts
{
    private static readonly Dictionary<(Type Schema, string Property), TextBound> Bounds =
        RequestBounds.Texts.ToDictionary(t => (t.Schema, t.Property), t => t.Bound);

    public static IReadOnlyList<FieldError> Check(object body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new List<FieldError>();
        Walk(body, string.Empty, errors);
        return errors;
    }

    private static void Walk(object value, string path, List<FieldError> errors)
    {
        var info = LoyaltyJson.Options.GetTypeInfo(value.GetType());
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace?.StartsWith("Loyalty.", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            if (Unwrap(property.Get?.Invoke(value)) is { } child)
            {
                Visit(child, info.Type, property.Name, path.Length == 0 ? property.Name : $"{path}.{property.Name}", errors);
            }
        }
    }

    private static void Visit(object value, Type owner, string property, string field, List<FieldError> errors)
    {
        switch (value)
        {
            case string text:
                Check(owner, property, text, field, errors);
                break;
            case IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    Item(entry.Value, owner, property + "{}", $"{field}.{entry.Key}", errors);
                }

                break;
            case IEnumerable list:
                var index = 0;
                foreach (var item in list)
                {
                    Item(item, owner, property + "[]", $"{field}[{index++}]", errors);
                }

                break;
            default:
                Walk(value, field, errors);
                break;
        }
    }

    private static void Item(object? item, Type owner, string property, string field, List<FieldError> errors)
    {
        if (item is string text)
        {
            Check(owner, property, text, field, errors);
        }
        else if (item is not null)
        {
            Walk(item, field, errors);
        }
    }

    private static void Check(Type owner, string property, string text, string field, List<FieldError> errors)
    {
        if (Bounds.TryGetValue((owner, property), out var bound) && !bound.Contains(text))
        {
            errors.Add(bound.Violation(field));
        }
    }

    /// <summary>The value of a <see cref="Patch{T}"/> that was set, the value itself otherwise.</summary>
    private static object? Unwrap(object? value) =>
        value is not null && value.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(Patch<>)
            ? type.GetProperty(nameof(Patch<object>.Value))!.GetValue(value)
            : value;
}
