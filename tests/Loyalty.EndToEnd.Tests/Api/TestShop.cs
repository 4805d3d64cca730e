using Loyalty.EndToEnd.Tests.Hosting;

namespace Loyalty.EndToEnd.Tests.Api;

/// <summary>A new tenant with a POS and an admin client and one registered member: where most API tests start.</summary>
public sealed record TestShop(TestTenant Tenant, ApiClient Pos, ApiClient Admin, string MemberId)
{
    public static async Task<TestShop> OpenAsync(ApiFixture fixture, string name = "shop")
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var tenant = await fixture.CreateTenantAsync(name);
        var pos = new ApiClient(fixture.Client, tenant.PosKey);
        var memberId = Orders.NewId("m");
        using var registered = await pos.PostAsync("api/v1/members", Orders.Member(memberId));
        await Json.ReadAsync(registered, 201);
        return new TestShop(tenant, pos, new ApiClient(fixture.Client, tenant.AdminKey), memberId);
    }
}
