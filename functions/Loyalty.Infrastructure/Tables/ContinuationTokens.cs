using Loyalty.Core.Common;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// Table continuation tokens, made opaque for API clients (base64url). A malformed token is a client error; an
/// altered one can never reach another member's rows, because every query is also filtered by its partition.
/// </summary>
public static class ContinuationTokens
{
    public static string? Encode(string? token) => token is null ? null : Base64UrlText.Encode(token);

    public static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var decoded = Base64UrlText.Decode(token);

        // The SDK's form is "{next partition key} {next row key}"; anything else was not issued by us.
        return decoded.Count(c => c == ' ') == 1 ? decoded : throw new InvalidContinuationTokenException();
    }
}
