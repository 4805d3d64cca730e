using System.Text;
using Loyalty.Core.Common;

namespace Loyalty.Infrastructure.Tables;

/// <summary>Table continuation tokens, made opaque for API clients (base64url). A token the client altered decodes to an error, never to another member's rows: every query is also filtered by partition.</summary>
public static class ContinuationTokens
{
    public static string? Encode(string? token) =>
        token is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes a token and checks it continues within <paramref name="partitionKey"/> (our queries never leave one partition).</summary>
    public static string? Decode(string? token, string partitionKey)
    {
        var decoded = Decode(token);
        if (decoded is not null && !decoded.StartsWith(partitionKey + " ", StringComparison.Ordinal))
        {
            throw new InvalidContinuationTokenException();
        }

        return decoded;
    }

    public static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException ex)
        {
            throw new InvalidContinuationTokenException(ex);
        }
    }
}
