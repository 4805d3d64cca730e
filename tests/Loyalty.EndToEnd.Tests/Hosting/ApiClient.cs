using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Loyalty.EndToEnd.Tests.Hosting;

/// <summary>Calls the API as one key holder: every request carries <c>X-Api-Key</c>.</summary>
public sealed class ApiClient(HttpClient http, string? apiKey)
{
    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<HttpResponseMessage> PostAsync(string path, object body, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, JsonContent.Create(body), idempotencyKey);

    /// <param name="ifMatch">The version read (its ETag), where the resource guards lost updates.</param>
    public Task<HttpResponseMessage> PutAsync(string path, object body, string? ifMatch = null) => SendAsync(HttpMethod.Put, path, JsonContent.Create(body), ifMatch: ifMatch);

    /// <summary>Reads <paramref name="path"/> until its <c>status</c> is <paramref name="status"/> (the queue poller got to it) and returns it.</summary>
    public async Task<JsonNode> WaitForStatusAsync(string path, string status, TimeSpan timeout)
    {
        var last = await Poll.UntilAsync(
            async () =>
            {
                using var response = await GetAsync(path);
                return await Json.ReadAsync(response, 200);
            },
            view => view["status"]!.GetValue<string>() == status,
            timeout);
        Assert.Equal(status, last["status"]!.GetValue<string>());
        return last;
    }

    public Task<HttpResponseMessage> PostRawAsync(string path, string body, string contentType) =>
        SendAsync(HttpMethod.Post, path, new StringContent(body, Encoding.UTF8, contentType));

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string? idempotencyKey = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/')) { Content = content };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await http.SendAsync(request);
    }
}
