namespace Loyalty.Infrastructure.Sms;

/// <summary>A Communication Services connection string, <c>endpoint=https://name.communication.azure.com/;accesskey=base64</c>.</summary>
public sealed record AcsConnectionString(Uri Endpoint, byte[] AccessKey)
{
    public static AcsConnectionString? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parts = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("endpoint", out var endpoint) || !SmsOptions.IsEndpoint(endpoint) || !parts.TryGetValue("accesskey", out var key))
        {
            return null;
        }

        var bytes = new byte[key.Length];
        return Convert.TryFromBase64String(key, bytes, out var length) && length > 0
            ? new AcsConnectionString(new Uri(endpoint), bytes[..length])
            : null;
    }
}
