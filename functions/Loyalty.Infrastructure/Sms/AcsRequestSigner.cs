using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Loyalty.Infrastructure.Sms;

/// <summary>
/// HMAC-SHA256 request signing of the Communication Services REST API: the body's SHA-256 goes in
/// <c>x-ms-content-sha256</c>, and the signature covers the method, path and query, date, host and that hash.
/// </summary>
public static class AcsRequestSigner
{
    public const string DateHeader = "x-ms-date";
    public const string ContentHashHeader = "x-ms-content-sha256";
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    public static string ContentHash(ReadOnlySpan<byte> body) => Convert.ToBase64String(SHA256.HashData(body));

    /// <summary>RFC 1123, as <c>x-ms-date</c> carries it (<c>Wed, 13 Apr 2022 18:09:12 GMT</c>).</summary>
    public static string FormatDate(DateTimeOffset instant) => instant.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);

    public static string StringToSign(string method, string pathAndQuery, string date, string host, string contentHash) =>
        $"{method.ToUpperInvariant()}\n{pathAndQuery}\n{date};{host};{contentHash}";

    public static string Sign(string stringToSign, byte[] key) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>Adds the date, content hash and <c>Authorization</c> headers to <paramref name="request"/>.</summary>
    public static void Apply(HttpRequestMessage request, ReadOnlySpan<byte> body, byte[] key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var date = FormatDate(now);
        var hash = ContentHash(body);
        var signature = Sign(StringToSign(request.Method.Method, uri.PathAndQuery, date, uri.Authority, hash), key);
        request.Headers.TryAddWithoutValidation(DateHeader, date);
        request.Headers.TryAddWithoutValidation(ContentHashHeader, hash);
        request.Headers.TryAddWithoutValidation("Authorization", $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={signature}");
    }
}
