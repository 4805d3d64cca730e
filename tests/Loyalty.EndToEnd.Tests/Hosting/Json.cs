using System.Text.Json.Nodes;

namespace Loyalty.EndToEnd.Tests.Hosting;

public static class Json
{
    /// <summary>The response body as JSON after checking the status; a wrong status fails with the body in the message.</summary>
    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, int expectedStatus)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"Expected {expectedStatus}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body) ?? throw new InvalidOperationException("Empty JSON body.");
    }
}
