using System.Net.Http.Json;
using System.Text;

namespace Loyalty.EndToEnd.Tests.Hosting;

/// <summary>Calls the API as one key holder: every request carries <c>X-Api-Key</c>.</summary>
public sealed class ApiClient(HttpClient http, string? apiKey)
{
    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<HttpResponseMessage> PostAsync(string path, object body, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, JsonContent.Create(body), idempotencyKey);

    public Task<HttpResponseMessage> PostRawAsync(string path, string body, string contentType) =>
        SendAsync(HttpMethod.Post, path, new StringContent(body, Encoding.UTF8, contentType));

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string? idempotencyKey = null)
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

        return await http.SendAsync(request);
    }
}
