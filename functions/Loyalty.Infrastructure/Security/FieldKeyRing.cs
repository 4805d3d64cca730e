using System.Text.RegularExpressions;

namespace Loyalty.Infrastructure.Security;

/// <summary>
/// The AES-256 keys that encrypt personal fields at rest, from the setting <c>Security__FieldKeys</c>:
/// <c>id:base64;id:base64...</c>. The first key encrypts every new value; every key listed decrypts. Rotation is
/// putting a new key first and keeping the old ones listed until no stored value names them.
/// </summary>
public sealed partial class FieldKeyRing
{
    public const int KeyBytes = 32;

    private readonly Dictionary<string, byte[]> _keys;

    private FieldKeyRing(string currentKeyId, Dictionary<string, byte[]> keys)
    {
        CurrentKeyId = currentKeyId;
        _keys = keys;
    }

    public string CurrentKeyId { get; }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    public byte[]? Key(string keyId) => _keys.GetValueOrDefault(keyId);

    /// <summary>The ring, or null with the reason when the setting is malformed.</summary>
    public static FieldKeyRing? Parse(string? setting, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(setting))
        {
            problem = "is not set";
            return null;
        }

        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string? current = null;
        foreach (var entry in setting.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var id = colon < 0 ? entry : entry[..colon];
            var bytes = new byte[entry.Length];
            if (colon < 0 || !KeyIdPattern().IsMatch(id) || !Convert.TryFromBase64String(entry[(colon + 1)..], bytes, out var length) || length != KeyBytes)
            {
                problem = $"must be 'id:base64' entries separated by ';', each id 1-32 letters, digits or '-' and each key {KeyBytes} random bytes";
                return null;
            }

            if (!keys.TryAdd(id, bytes[..length]))
            {
                problem = $"lists key id '{id}' twice";
                return null;
            }

            current ??= id;
        }

        if (current is null)
        {
            problem = "is not set";
            return null;
        }

        return new FieldKeyRing(current, keys);
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyIdPattern();
}
