using System.Text;
using Loyalty.Core.Common;

namespace Loyalty.Infrastructure.Tables;

/// <summary>Text as URL-safe base64 without padding, the form of every opaque token and cursor the API hands out.</summary>
internal static class Base64UrlText
{
    public static string Encode(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The text; <see cref="InvalidContinuationTokenException"/> when it is not base64url.</summary>
    public static string Decode(string encoded)
    {
        var base64 = encoded.Replace('-', '+').Replace('_', '/');
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
