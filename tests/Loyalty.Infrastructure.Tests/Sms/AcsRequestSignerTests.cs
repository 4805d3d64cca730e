using System.Text;
using Loyalty.Infrastructure.Sms;

namespace Loyalty.Infrastructure.Tests.Sms;

/// <summary>The signer against the test vectors published with the Azure SDK's own HMAC tests (azure-sdk-for-python, test_hmac.py).</summary>
public sealed class AcsRequestSignerTests
{
    private static readonly byte[] Key = Convert.FromBase64String("pw==");

    private const string Date = "Wed, 13 Apr 2022 18:09:12 GMT";

    [Fact]
    public void Hmac_of_a_plain_string_matches_the_published_value()
    {
        Assert.Equal("88EC05aAS9iXnaimtNO78JLjiPtfWryQB/5QYEzEsu8=", AcsRequestSigner.Sign("banana", Key));
    }

    [Fact]
    public void The_content_hash_of_an_empty_body_is_the_published_one()
    {
        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", AcsRequestSigner.ContentHash([]));
    }

    [Theory]
    [InlineData("/", "88MDmJhUR3m5QhFxb8ztShsSwlGrg7g/6XPnWf7QEO4=")]
    [InlineData("/testPath", "RoCrHjw7fb9fpHSbqvRUY2xa8RBS0YvI1cxI1x8AS38=")]
    [InlineData("/testPath?testQuery=yes", "il99+rd6V5O136roX/zVePCNle78HmvC4B7tu9zRH3I=")]
    public void A_request_is_signed_as_the_published_vectors_are(string pathAndQuery, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://contoso.communicationservices.azure.com" + pathAndQuery);

        AcsRequestSigner.Apply(request, [], Key, DateTimeOffset.Parse(Date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(Date, request.Headers.GetValues("x-ms-date").Single());
        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", request.Headers.GetValues("x-ms-content-sha256").Single());
        Assert.Equal($"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}", request.Headers.GetValues("Authorization").Single());
    }

    [Fact]
    public void The_string_to_sign_joins_method_path_and_the_signed_headers()
    {
        Assert.Equal(
            "POST\n/sms?api-version=2021-03-07\nd;h;c",
            AcsRequestSigner.StringToSign("post", "/sms?api-version=2021-03-07", "d", "h", "c"));
        Assert.NotEqual(AcsRequestSigner.Sign("a", Key), AcsRequestSigner.Sign("a", Encoding.UTF8.GetBytes("other")));
    }
}
