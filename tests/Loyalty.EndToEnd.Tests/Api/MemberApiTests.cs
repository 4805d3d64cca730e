using Loyalty.EndToEnd.Tests.Hosting;

namespace Loyalty.EndToEnd.Tests.Api;

public sealed class MemberApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Register_creates_then_repeating_it_returns_the_same_member()
    {
        var tenant = await fixture.CreateTenantAsync("shop");
        var pos = new ApiClient(fixture.Client, tenant.PosKey);
        var memberId = Orders.NewId("m");

        using var created = await pos.PostAsync("api/v1/members", Orders.Member(memberId, "13812345678"));
        var member = await Json.ReadAsync(created, 201);
        using var repeated = await pos.PostAsync("api/v1/members", Orders.Member(memberId, "13812345678"));
        await Json.ReadAsync(repeated, 200);

        Assert.Equal($"/api/v1/members/{memberId}", created.Headers.Location?.OriginalString);
        Assert.Equal(memberId, member["memberId"]!.GetValue<string>());
        Assert.Equal("+86****5678", member["phoneMasked"]!.GetValue<string>());
        Assert.Equal(0, member["balance"]!.GetValue<long>());
    }

    [Fact]
    public async Task Second_member_with_the_same_phone_is_a_conflict()
    {
        var tenant = await fixture.CreateTenantAsync("shop");
        var pos = new ApiClient(fixture.Client, tenant.PosKey);
        using var first = await pos.PostAsync("api/v1/members", Orders.Member(Orders.NewId("m"), "13900001111"));
        await Json.ReadAsync(first, 201);

        using var second = await pos.PostAsync("api/v1/members", Orders.Member(Orders.NewId("m"), "+8613900001111"));

        Assert.Equal("phone-already-registered", (await Json.ReadAsync(second, 409))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_member_is_404_problem()
    {
        var tenant = await fixture.CreateTenantAsync("shop");
        var pos = new ApiClient(fixture.Client, tenant.PosKey);

        using var response = await pos.GetAsync("api/v1/members/nobody-here");

        var problem = await Json.ReadAsync(response, 404);
        Assert.Equal("member-not-found", problem["code"]!.GetValue<string>());
        Assert.Equal("/api/v1/members/nobody-here", problem["instance"]!.GetValue<string>());
    }

    [Fact]
    public async Task Balance_shows_adjustments_and_lots()
    {
        var (_, pos, admin, memberId) = await TestShop.OpenAsync(fixture);

        using var plus = await admin.PostAsync($"api/v1/members/{memberId}/adjustments", new { delta = 500, reason = "welcome gift" }, "adj-1");
        await Json.ReadAsync(plus, 201);
        using var minus = await admin.PostAsync($"api/v1/members/{memberId}/adjustments", new { delta = -120, reason = "correction" }, "adj-2");
        await Json.ReadAsync(minus, 201);

        using var member = await pos.GetAsync($"api/v1/members/{memberId}");
        var summary = await Json.ReadAsync(member, 200);
        Assert.Equal(380, summary["balance"]!.GetValue<long>());
        Assert.Equal(380, summary["available"]!.GetValue<long>());
        using var lots = await pos.GetAsync($"api/v1/members/{memberId}/lots");
        var remaining = (await Json.ReadAsync(lots, 200))["lots"]!.AsArray().Sum(l => l!["remaining"]!.GetValue<long>());
        Assert.Equal(380, remaining);
    }
}
