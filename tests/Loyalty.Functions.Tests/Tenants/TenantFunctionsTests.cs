using Loyalty.Functions.Tenants;
using Loyalty.Functions.Tests.Support;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Tenants;

public sealed class TenantFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private Task<Response> CreateAsync(object body, string? secret) =>
        CallAsync(
            Request("POST", "/api/v1/admin/tenants", body, headers: secret is null ? null : new Dictionary<string, string> { ["X-Bootstrap-Secret"] = secret }),
            r => host.Function<TenantFunctions>().CreateTenant(r, CancellationToken.None));

    [Fact]
    public async Task The_bootstrap_secret_creates_a_tenant_with_a_working_admin_key()
    {
        var id = "shop-" + Guid.NewGuid().ToString("N")[..8];

        var created = await CreateAsync(new { tenantId = id, name = "Tea House" }, BootstrapSecret);
        var duplicate = await CreateAsync(new { tenantId = id, name = "Tea House" }, BootstrapSecret);
        var adminKey = created.Json["adminKey"]!["secret"]!.GetValue<string>();
        var keys = await CallAsync(Request("GET", "/api/v1/keys", apiKey: adminKey), r => host.Function<TenantFunctions>().ListKeys(r, CancellationToken.None));

        Assert.Equal(201, created.Status);
        Assert.StartsWith("lfk_", adminKey, StringComparison.Ordinal);
        Assert.Equal("admin", created.Json["adminKey"]!["scope"]!.GetValue<string>());
        Assert.Equal((409, "tenant-exists"), (duplicate.Status, duplicate.Code));
        Assert.Equal(200, keys.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret-wrong-secret")]
    public async Task Without_the_bootstrap_secret_nothing_is_created(string? secret)
    {
        var response = await CreateAsync(new { tenantId = "never-created", name = "x" }, secret);

        Assert.Equal((401, "bootstrap-secret-invalid"), (response.Status, response.Code));
    }

    [Fact]
    public async Task Tenant_ids_are_validated()
    {
        var response = await CreateAsync(new { tenantId = "Bad_ID", name = "" }, BootstrapSecret);

        Assert.Equal(422, response.Status);
        Assert.Equal(["tenantId", "name"], response.Json["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
    }
}
