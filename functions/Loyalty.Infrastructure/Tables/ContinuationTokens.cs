using System.Text;
using Loyalty.Core.Common;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// Table continuation tokens, made opaque for API clients (base64url). A malformed token is a client error; an
/// altered one can never reach another member's rows, because every query is also filtered by its partition.
/// </summary>
public static class ContinuationTokens
{
    public static string? Encode(string? token) =>
        token is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

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
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(base64));

            // The SDK's form is "{next partition key} {next row key}"; anything else was not issued by us.
            return decoded.Count(c => c == ' ') == 1 ? decoded : throw new InvalidContinuationTokenException();
        }
        catch (FormatException ex)
        {
            throw new InvalidContinuationTokenException(ex);
        }
    }
}
