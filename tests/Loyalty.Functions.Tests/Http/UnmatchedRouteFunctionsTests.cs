using Loyalty.Functions.Http;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Http;

/// <summary>The catch-all called directly, as the Functions host calls it for a request no other route took.</summary>
public sealed class UnmatchedRouteFunctionsTests
{
    private static Task<Support.Response> AnswerAsync(string method, string path)
    {
        var request = Request(method, "/api/" + path);
        return ExecuteAsync(request, UnmatchedRouteFunctions.Answer(request, path));
    }

    [Theory]
    [InlineData("GET", "v1/nothing-here")]
    [InlineData("POST", "v1/members/m-1/nothing-here")]
    [InlineData("GET", "v2/members/m-1")]
    [InlineData("GET", "")]
    public async Task An_unknown_path_is_a_404_route_not_found_problem(string method, string path)
    {
        var response = await AnswerAsync(method, path);

        Assert.Equal((404, "route-not-found"), (response.Status, response.Code));
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal("urn:loyalty:problem:route-not-found", response.Json["type"]!.GetValue<string>());
        Assert.Equal(404, response.Json["status"]!.GetValue<int>());
        Assert.Equal("/api/" + path, response.Json["instance"]!.GetValue<string>());
        Assert.Contains($"{method} /api/{path}", response.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE", "v1/purchases", "POST")]
    [InlineData("PUT", "v1/members/m-1", "DELETE, GET, PATCH")]
    [InlineData("HEAD", "v1/members/m-1/ledger", "GET")]
    [InlineData("DELETE", "v1/webhooks/wechat", "GET, POST, PUT")]
    [InlineData("POST", "v1/pos/holds/h-1", "DELETE, GET")]
    [InlineData("put", "V1/Keys", "GET, POST")]
    public async Task A_known_path_with_another_method_is_a_405_listing_the_methods_it_accepts(string method, string path, string allowed)
    {
        var response = await AnswerAsync(method, path);

        Assert.Equal((405, "method-not-allowed"), (response.Status, response.Code));
        Assert.Equal(allowed, response.Headers.Allow.ToString());
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal("urn:loyalty:problem:method-not-allowed", response.Json["type"]!.GetValue<string>());
        Assert.Equal(405, response.Json["status"]!.GetValue<int>());
        Assert.Equal("/api/" + path, response.Json["instance"]!.GetValue<string>());
        Assert.Contains(allowed, response.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>The host hands a request to the catch-all only when no route took it, e.g. a value its constraint refused.</summary>
    [Fact]
    public async Task A_known_path_and_method_that_still_reached_it_is_a_404_not_a_405()
    {
        var response = await AnswerAsync("GET", "v1/purchases/o-1");

        Assert.Equal((404, "route-not-found"), (response.Status, response.Code));
    }
}
