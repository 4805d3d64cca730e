using Loyalty.Functions.Programs;
using Loyalty.Functions.Tests.Support;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Programs;

public sealed class ProgramFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private ProgramFunctions Programs => host.Function<ProgramFunctions>();

    private Task<Response> PutAsync(string key, object body, string? ifMatch = null) =>
        CallAsync(
            Request("PUT", "/api/v1/program", body, key, ifMatch is null ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch }),
            r => Programs.Put(r, CancellationToken.None));

    [Fact]
    public async Task A_new_tenant_runs_on_the_defaults_as_version_zero()
    {
        var tenant = await host.NewTenantAsync();

        var program = await CallAsync(Request("GET", "/api/v1/program", apiKey: tenant.Pos), r => Programs.Get(r, CancellationToken.None));

        Assert.Equal(0, program.Json["version"]!.GetValue<int>());
        Assert.Equal("Asia/Shanghai", program.Json["rules"]!["timeZone"]!.GetValue<string>());
        Assert.Equal("\"0\"", program.Headers.ETag.ToString());
    }

    [Fact]
    public async Task Saving_versions_the_rules_and_a_stale_if_match_is_a_conflict()
    {
        var tenant = await host.NewTenantAsync();
        var rules = new { name = "Tea points", timeZone = "Asia/Shanghai", currency = "CNY", earning = new { baseRatePoints = 1, baseRatePer = 10, returnWindowDays = 7 }, expiry = new { mode = "fixedAnnual", months = 12, clearingMonth = 12, clearingDay = 31 } };

        var first = await PutAsync(tenant.Admin, rules, "\"0\"");
        var second = await PutAsync(tenant.Admin, rules);
        var stale = await PutAsync(tenant.Admin, rules, "\"1\"");

        Assert.Equal(1, first.Json["version"]!.GetValue<int>());
        Assert.Equal(2, second.Json["version"]!.GetValue<int>());
        Assert.Equal((409, "version-mismatch"), (stale.Status, stale.Code));
        Assert.Equal(10m, second.Json["rules"]!["earning"]!["baseRatePer"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Bad_rules_are_rejected_with_every_problem_listed()
    {
        var tenant = await host.NewTenantAsync();

        var response = await PutAsync(tenant.Admin, new { timeZone = "Nowhere/City", currency = "ABC", earning = new { baseRatePer = -1 }, expiry = new { mode = "rolling", months = 0 } });

        Assert.Equal((422, "invalid-program"), (response.Status, response.Code));
        Assert.Equal(["timeZone", "currency", "earning.baseRatePer", "expiry.months"], response.Json["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("{\"earning\":{\"baseRatePer\":\"ten\"}}", "earning.baseRatePer")]
    [InlineData("{\"expiry\":{\"mode\":\"sometimes\"}}", "expiry.mode")]
    [InlineData("{\"unknownSetting\":true}", "unknownSetting")]
    public async Task Unreadable_rules_are_400_naming_the_field(string body, string field)
    {
        var tenant = await host.NewTenantAsync();

        var response = await PutAsync(tenant.Admin, body);

        Assert.Equal((400, "invalid-json"), (response.Status, response.Code));
        Assert.Equal(field, response.Json["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_admins_change_the_program()
    {
        var tenant = await host.NewTenantAsync();

        var response = await PutAsync(tenant.Pos, new { });

        Assert.Equal(403, response.Status);
    }
}
