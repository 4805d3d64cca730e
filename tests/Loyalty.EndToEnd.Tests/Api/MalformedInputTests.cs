using Loyalty.EndToEnd.Tests.Hosting;

namespace Loyalty.EndToEnd.Tests.Api;

public sealed class MalformedInputTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("{\"memberId\": ", "application/json", "invalid-json")]
    [InlineData("", "application/json", "body-required")]
    [InlineData("null", "application/json", "body-required")]
    [InlineData("memberId=m-1", "application/x-www-form-urlencoded", "unsupported-content-type")]
    public async Task Unreadable_body_is_400_problem(string body, string contentType, string code)
    {
        var tenant = await fixture.CreateTenantAsync("shop");
        var pos = new ApiClient(fixture.Client, tenant.PosKey);

        using var response = await pos.PostRawAsync("api/v1/members", body, contentType);

        var problem = await Json.ReadAsync(response, 400);
        Assert.Equal(code, problem["code"]!.GetValue<string>());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrongly_typed_field_is_400_naming_the_field()
    {
        var tenant = await fixture.CreateTenantAsync("shop");
        var pos = new ApiClient(fixture.Client, tenant.PosKey);

        using var response = await pos.PostRawAsync("api/v1/purchases", "{\"orderId\":\"o-1\",\"memberId\":\"m-1\",\"cashPaid\":\"lots\"}", "application/json");

        var problem = await Json.ReadAsync(response, 400);
        Assert.Equal("invalid-json", problem["code"]!.GetValue<string>());
        Assert.Contains("cashPaid", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_member_id_is_422()
    {
        var tenant = await fixture.CreateTenantAsync("shop");
        var pos = new ApiClient(fixture.Client, tenant.PosKey);

        using var response = await pos.PostAsync("api/v1/members", new { memberId = "has spaces and /slashes/", phone = "12345" });

        var fields = (await Json.ReadAsync(response, 422))["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>());
        Assert.Equal(["memberId", "phone"], fields.Order());
    }

    [Theory]
    [InlineData("GET", "api/v1/nothing-here")]
    [InlineData("POST", "api/v1/members/m-1/nothing-here")]
    [InlineData("GET", "")]
    [InlineData("GET", "favicon.ico")]
    public async Task Unknown_route_is_a_404_route_not_found_problem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await fixture.Client.SendAsync(request);

        var problem = await Json.ReadAsync(response, 404);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("urn:loyalty:problem:route-not-found", "route-not-found", 404), (problem["type"]!.GetValue<string>(), problem["code"]!.GetValue<string>(), problem["status"]!.GetValue<int>()));
        Assert.Equal("/" + path, problem["instance"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("DELETE", "api/v1/purchases", "POST")]
    [InlineData("PUT", "api/v1/members/m-1", "DELETE, GET, PATCH")]
    [InlineData("DELETE", "api/v1/webhooks/wechat", "GET, POST, PUT")]
    [InlineData("POST", "api/openapi.json", "GET")]
    public async Task Known_route_with_another_method_is_a_405_problem_with_an_Allow_header(string method, string path, string allowed)
    {
        var tenant = await fixture.CreateTenantAsync("shop");
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", tenant.AdminKey);

        using var response = await fixture.Client.SendAsync(request);

        var problem = await Json.ReadAsync(response, 405);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal(("urn:loyalty:problem:method-not-allowed", "method-not-allowed", 405), (problem["type"]!.GetValue<string>(), problem["code"]!.GetValue<string>(), problem["status"]!.GetValue<int>()));
        Assert.Equal("/" + path, problem["instance"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_catch_all_never_takes_a_request_a_specific_route_serves()
    {
        var tenant = await fixture.CreateTenantAsync("shop");
        var pos = new ApiClient(fixture.Client, tenant.PosKey);

        using var document = await fixture.Client.GetAsync("api/openapi.json");
        using var missingMember = await pos.GetAsync("api/v1/members/nobody");

        await Json.ReadAsync(document, 200);
        Assert.Equal("member-not-found", (await Json.ReadAsync(missingMember, 404))["code"]!.GetValue<string>());
    }
}
