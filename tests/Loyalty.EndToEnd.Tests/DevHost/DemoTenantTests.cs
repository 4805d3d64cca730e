using System.Text.Json.Nodes;
using Loyalty.Core.Tenants;
using Loyalty.DevHost.Demo;
using Loyalty.EndToEnd.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.EndToEnd.Tests.DevHost;

/// <summary>The demo tenant run.sh prints on every start, against this class's own tables (so "demo" is its own).</summary>
public sealed class DemoTenantTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IDisposable
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("demo-tenant-").FullName;

    private TenantService Tenants => fixture.Server.Services.GetRequiredService<TenantService>();

    public void Dispose() => Directory.Delete(_stateDirectory, recursive: true);

    private Task<DemoKeys> EnsureAsync() =>
        ActivatorUtilities.CreateInstance<DemoTenant>(fixture.Server.Services, _stateDirectory).EnsureAsync(CancellationToken.None);

    [Fact]
    public async Task The_demo_tenant_gets_an_admin_a_pos_and_a_storefront_key_and_the_banner_prints_each_and_the_bootstrap_source()
    {
        var keys = await EnsureAsync();

        Assert.Equal(ApiKeyScope.Admin, (await Tenants.AuthenticateAsync(keys.AdminKey, CancellationToken.None))?.Scope);
        Assert.Equal(ApiKeyScope.Pos, (await Tenants.AuthenticateAsync(keys.PosKey, CancellationToken.None))?.Scope);
        Assert.Equal(ApiKeyScope.Storefront, (await Tenants.AuthenticateAsync(keys.StorefrontKey, CancellationToken.None))?.Scope);
        var banner = keys.Describe("http://127.0.0.1:7071", "from Bootstrap__Secret in local.settings.json");
        Assert.Contains($"storefront key: {keys.StorefrontKey}", banner, StringComparison.Ordinal);
        Assert.Contains($"pos key:        {keys.PosKey}", banner, StringComparison.Ordinal);
        Assert.Contains($"admin key:      {keys.AdminKey}", banner, StringComparison.Ordinal);
        Assert.Contains("X-Bootstrap-Secret for POST /api/v1/admin/tenants): from Bootstrap__Secret in local.settings.json", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_start_prints_the_saved_keys_and_a_keys_file_without_a_storefront_key_is_replaced()
    {
        var first = await EnsureAsync();
        var again = await EnsureAsync();

        // As written before storefront keys were issued: the admin and POS keys still work.
        var keysFile = Path.Combine(_stateDirectory, "demo-keys.json");
        var old = JsonNode.Parse(await File.ReadAllTextAsync(keysFile))!.AsObject();
        old.Remove("storefrontKey");
        await File.WriteAllTextAsync(keysFile, old.ToJsonString());
        var renewed = await EnsureAsync();

        Assert.Equal(first, again);
        Assert.NotNull(renewed.StorefrontKey);
        Assert.NotEqual(first.StorefrontKey, renewed.StorefrontKey);
        Assert.Equal(ApiKeyScope.Storefront, (await Tenants.AuthenticateAsync(renewed.StorefrontKey, CancellationToken.None))?.Scope);
        Assert.Equal(renewed, await EnsureAsync());
    }
}
