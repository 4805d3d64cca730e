using System.Text.Json;
using Loyalty.Core.Common;

namespace Loyalty.Infrastructure.Storage;

/// <summary>JSON kept inside table rows. Unlike API input it tolerates members it does not know, so rows written by a newer version still read.</summary>
internal static class StorageJson
{
    private static readonly JsonSerializerOptions Options = new(LoyaltyJson.Options)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Stored {typeof(T).Name} is null.");
}
