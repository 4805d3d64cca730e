using Loyalty.Functions.Donations;
using Loyalty.Functions.Tests.Support;
using static Loyalty.Functions.Tests.Support.Api;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Donations;

public sealed class DonationFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private DonationFunctions Donations => host.Function<DonationFunctions>();

    private Task<Response> PutAsync(string key, string projectId, object body) =>
        CallAsync(Request("PUT", $"/api/v1/charity-projects/{projectId}", body, key), r => Donations.PutProject(r, projectId, CancellationToken.None));

    private Task<Response> GetAsync(string key, string projectId) =>
        CallAsync(Request("GET", $"/api/v1/charity-projects/{projectId}", apiKey: key), r => Donations.GetProject(r, projectId, CancellationToken.None));

    private Task<Response> DonateAsync(string key, object body, string? idempotencyKey) =>
        CallAsync(Request("POST", "/api/v1/donations", body, key, idempotencyKey is null ? null : Key(idempotencyKey)), r => Donations.Donate(r, CancellationToken.None));

    [Fact]
    public async Task A_donation_debits_the_member_records_a_receipt_entry_and_adds_to_the_project_total()
    {
        var tenant = await host.NewTenantAsync();
        await PutAsync(tenant.Admin, "schools", new { name = "Rural schools", description = "Books for rural schools" });
        var member = await MemberWithPointsAsync(host, tenant, 500);

        var receipt = await DonateAsync(tenant.Storefront, new { memberId = member, projectId = "schools", points = 120 }, "d-1");
        var replay = await DonateAsync(tenant.Storefront, new { memberId = member, projectId = "schools", points = 120 }, "d-1");
        var project = await GetAsync(tenant.Storefront, "schools");
        var renamed = await PutAsync(tenant.Admin, "schools", new { name = "Rural schools 2026" });

        Assert.Equal(201, receipt.Status);
        Assert.Equal(receipt.Json["receiptNumber"]!.GetValue<string>(), replay.Json["receiptNumber"]!.GetValue<string>());
        Assert.Equal((120L, 1L), (project.Json["totalPoints"]!.GetValue<long>(), project.Json["donations"]!.GetValue<long>()));
        Assert.Equal(120L, renamed.Json["totalPoints"]!.GetValue<long>());
        Assert.Equal(380, (await MemberAsync(host, tenant, member)).Json["available"]!.GetValue<long>());
        Assert.Equal(["adjust", "donation"], await LedgerTypesAsync(host, tenant, member));
    }

    [Fact]
    public async Task Bad_donations_and_projects_are_refused_with_problem_documents()
    {
        var tenant = await host.NewTenantAsync();
        await PutAsync(tenant.Admin, "closed", new { name = "Done", active = false });
        var member = await MemberWithPointsAsync(host, tenant, 10);

        var byStorefront = await PutAsync(tenant.Storefront, "p", new { name = "x" });
        var noName = await PutAsync(tenant.Admin, "p", new { description = "x" });
        var unknownProject = await DonateAsync(tenant.Storefront, new { memberId = member, projectId = "nope", points = 1 }, "a");
        var closed = await DonateAsync(tenant.Storefront, new { memberId = member, projectId = "closed", points = 1 }, "b");
        var tooMuch = await DonateAsync(tenant.Storefront, new { memberId = member, projectId = "closed", points = 11 }, "c");
        var invalid = await DonateAsync(tenant.Storefront, new { memberId = "bad id", projectId = "closed", points = -1 }, "d");
        var noKey = await DonateAsync(tenant.Storefront, new { memberId = member, projectId = "closed", points = 1 }, null);
        var missing = await GetAsync(tenant.Storefront, "nope");

        Assert.Equal(403, byStorefront.Status);
        Assert.Equal((422, "name"), (noName.Status, noName.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((404, "project-not-found"), (unknownProject.Status, unknownProject.Code));
        Assert.Equal((422, "project-closed"), (closed.Status, closed.Code));
        Assert.Equal(422, tooMuch.Status);
        Assert.Equal(["memberId", "points"], invalid.Json["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
        Assert.Equal(400, noKey.Status);
        Assert.Equal(404, missing.Status);
        Assert.Equal(10, (await MemberAsync(host, tenant, member)).Json["available"]!.GetValue<long>());
    }
}
