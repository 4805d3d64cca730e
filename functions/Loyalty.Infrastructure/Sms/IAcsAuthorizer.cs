using System.Net.Http.Headers;
using Azure.Core;

namespace Loyalty.Infrastructure.Sms;

/// <summary>How a request to Communication Services proves who sends it: an HMAC signature or a Microsoft Entra token.</summary>
public interface IAcsAuthorizer
{
    ValueTask AuthorizeAsync(HttpRequestMessage request, byte[] body, CancellationToken cancellationToken);
}

/// <summary>HMAC-SHA256 with the resource's access key (from a connection string); signed anew on every attempt, as the date is part of it.</summary>
public sealed class AcsKeyAuthorizer(byte[] accessKey, TimeProvider time) : IAcsAuthorizer
{
    public ValueTask AuthorizeAsync(HttpRequestMessage request, byte[] body, CancellationToken cancellationToken)
    {
        AcsRequestSigner.Apply(request, body, accessKey, time.GetUtcNow());
        return ValueTask.CompletedTask;
    }
}

/// <summary>A bearer token for the Communication Services scope (the app's managed identity in Azure); the credential caches it.</summary>
public sealed class AcsTokenAuthorizer(TokenCredential credential) : IAcsAuthorizer
{
    /// <summary>The scope the Communication Services SDKs ask tokens for (the double slash is theirs).</summary>
    public const string Scope = "https://communication.azure.com//.default";

    public async ValueTask AuthorizeAsync(HttpRequestMessage request, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
    }
}
