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

    [Fact]
    public async Task Unknown_route_and_wrong_method_are_not_served()
    {
        using var unknown = await fixture.Client.GetAsync("api/v1/nothing-here");
        using var wrongMethod = await fixture.Client.DeleteAsync("api/v1/purchases");

        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Equal(405, (int)wrongMethod.StatusCode);
    }
}
