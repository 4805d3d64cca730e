using Loyalty.Functions.Programs;
using Loyalty.Functions.Tests.Support;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Programs;

public sealed class ProgramFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private ProgramFunctions Programs => host.Function<ProgramFunctions>();

    /// <param name="ifMatch">"*" replaces any version; null sends no If-Match at all.</param>
    private Task<Response> PutAsync(string key, object body, string? ifMatch = "*") =>
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

    private static readonly object TeaRules = new { name = "Tea points", timeZone = "Asia/Shanghai", currency = "CNY", earning = new { baseRatePoints = 1, baseRatePer = 10, returnWindowDays = 7 }, expiry = new { mode = "fixedAnnual", months = 12, clearingMonth = 12, clearingDay = 31 } };

    private Task<Response> GetAsync(TenantKeys tenant) => CallAsync(Request("GET", "/api/v1/program", apiKey: tenant.Pos), r => Programs.Get(r, CancellationToken.None));

    [Fact]
    public async Task Saving_versions_the_rules_and_a_stale_if_match_is_412_precondition_failed()
    {
        var tenant = await host.NewTenantAsync();

        var first = await PutAsync(tenant.Admin, TeaRules, "\"0\"");
        var second = await PutAsync(tenant.Admin, TeaRules, first.Headers.ETag.ToString());
        var stale = await PutAsync(tenant.Admin, TeaRules, "\"1\"");

        Assert.Equal((1, "\"1\""), (first.Json["version"]!.GetValue<int>(), first.Headers.ETag.ToString()));
        Assert.Equal(2, second.Json["version"]!.GetValue<int>());
        Assert.Equal((412, "version-mismatch"), (stale.Status, stale.Code));
        Assert.Equal(10m, second.Json["rules"]!["earning"]!["baseRatePer"]!.GetValue<decimal>());
        Assert.Equal(2, (await GetAsync(tenant)).Json["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_put_without_if_match_is_428_and_changes_nothing_while_if_match_star_replaces_any_version()
    {
        var tenant = await host.NewTenantAsync();
        await PutAsync(tenant.Admin, TeaRules, "\"0\"");

        var unguarded = await PutAsync(tenant.Admin, new { name = "Lost update" }, ifMatch: null);
        var afterRefusal = await GetAsync(tenant);
        var anyVersion = await PutAsync(tenant.Admin, new { name = "Deliberate overwrite" }, "*");

        Assert.Equal((428, "if-match-required"), (unguarded.Status, unguarded.Code));
        Assert.Equal("If-Match", unguarded.Json["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal((1, "Tea points"), (afterRefusal.Json["version"]!.GetValue<int>(), afterRefusal.Json["rules"]!["name"]!.GetValue<string>()));
        Assert.Equal((200, 2), (anyVersion.Status, anyVersion.Json["version"]!.GetValue<int>()));
    }

    /// <summary>Both writers read version 0; the store takes one batch, so the other is told its read is stale, never silently lost.</summary>
    [Fact]
    public async Task Two_concurrent_puts_with_the_same_if_match_one_wins_and_the_other_is_412()
    {
        for (var round = 0; round < 5; round++)
        {
            var tenant = await host.NewTenantAsync();
            using var start = new ManualResetEventSlim();
            var writers = new[] { "Writer A", "Writer B" }.Select(name => Task.Run(async () =>
            {
                start.Wait();
                return (Name: name, Response: await PutAsync(tenant.Admin, new { name }, "\"0\""));
            })).ToList();
            start.Set();
            var results = await Task.WhenAll(writers);
            var stored = await GetAsync(tenant);

            Assert.Equal([200, 412], results.Select(r => r.Response.Status).Order());
            var winner = results.Single(r => r.Response.Status == 200);
            Assert.Equal("version-mismatch", results.Single(r => r.Response.Status == 412).Response.Code);
            Assert.Equal((1, winner.Name), (stored.Json["version"]!.GetValue<int>(), stored.Json["rules"]!["name"]!.GetValue<string>()));
        }
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
