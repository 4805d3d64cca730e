using Loyalty.Core.Events;
using Loyalty.Functions.Events;
using Loyalty.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Events;

/// <summary>GET /api/v1/admin/events: the caller's tenant's feed, oldest first, for admins; bad parameters named; the daily prune.</summary>
public sealed class EventFeedFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private IEventFeed Feed => host.Services.GetRequiredService<IEventFeed>();

    private Task<Response> ListAsync(string key, string query = "") =>
        CallAsync(Request("GET", "/api/v1/admin/events" + query, apiKey: key), r => host.Function<EventFeedFunctions>().List(r, CancellationToken.None));

    private LoyaltyEvent Event(string tenantId, string id) => new()
    {
        EventId = id,
        Type = LoyaltyEventTypes.PointsEarned,
        TenantId = tenantId,
        MemberId = "m-1001",
        EntryId = id,
        Delta = 120,
        BalanceAfter = 120,
        OccurredAt = host.Time.GetUtcNow(),
        Reference = "order-" + id,
    };

    private async Task AppendAsync(string tenantId, params string[] ids)
    {
        await Feed.AppendAsync([.. ids.Select(id => Event(tenantId, id))], CancellationToken.None);
        host.Time.Advance(TimeSpan.FromSeconds(10));
    }

    private static string[] Ids(Response response) => [.. response.Json["events"]!.AsArray().Select(e => e!["eventId"]!.GetValue<string>())];

    [Fact]
    public async Task An_admin_pages_through_the_tenants_events_oldest_first_and_an_empty_page_keeps_the_place()
    {
        var tenant = await host.NewTenantAsync();
        await AppendAsync(tenant.TenantId, "e1", "e2", "e3");

        var first = await ListAsync(tenant.Admin, "?pageSize=2");
        var second = await ListAsync(tenant.Admin, "?pageSize=2&after=" + first.Json["cursor"]!.GetValue<string>());
        var empty = await ListAsync(tenant.Admin, "?after=" + second.Json["cursor"]!.GetValue<string>());
        await AppendAsync(tenant.TenantId, "e4");
        var next = await ListAsync(tenant.Admin, "?after=" + empty.Json["cursor"]!.GetValue<string>());

        Assert.Equal(200, first.Status);
        Assert.Equal(["e1", "e2"], Ids(first));
        Assert.Equal(["e3"], Ids(second));
        Assert.Equal((200, 0), (empty.Status, empty.Json["events"]!.AsArray().Count));
        Assert.False(string.IsNullOrEmpty(empty.Json["cursor"]!.GetValue<string>()));
        Assert.Equal(["e4"], Ids(next));
        var shown = first.Json["events"]![0]!;
        Assert.Equal(("points.earned", tenant.TenantId, 120), (shown["type"]!.GetValue<string>(), shown["tenantId"]!.GetValue<string>(), shown["delta"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Only_admins_read_the_feed_and_another_tenant_sees_none_of_it_even_with_this_tenants_cursor()
    {
        var tenant = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        await AppendAsync(tenant.TenantId, "mine-1", "mine-2");
        var cursor = (await ListAsync(tenant.Admin, "?pageSize=1")).Json["cursor"]!.GetValue<string>();

        var storefront = await ListAsync(tenant.Storefront);
        var pos = await ListAsync(tenant.Pos);
        var otherTenant = await ListAsync(other.Admin);
        var otherWithCursor = await ListAsync(other.Admin, "?after=" + cursor);

        Assert.Equal((403, 403), (storefront.Status, pos.Status));
        Assert.Empty(Ids(otherTenant));
        Assert.Empty(Ids(otherWithCursor));
        Assert.DoesNotContain(tenant.TenantId, otherTenant.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?pageSize=0", "pageSize", "invalid-query")]
    [InlineData("?pageSize=1001", "pageSize", "invalid-query")]
    [InlineData("?pageSize=ten", "pageSize", "invalid-query")]
    [InlineData("?after=not-a-cursor", "after", "invalid-cursor")]
    [InlineData("?after=MTIzIGFiYw", "after", "invalid-cursor")]
    [InlineData("?from=2026-01-01", "from", "invalid-query")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string query, string field, string code)
    {
        var tenant = await host.NewTenantAsync();

        var response = await ListAsync(tenant.Admin, query);

        Assert.Equal((400, code), (response.Status, response.Code));
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal(field, response.Json["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cursor_longer_than_any_the_feed_issues_is_refused_before_it_is_decoded()
    {
        var tenant = await host.NewTenantAsync();

        var response = await ListAsync(tenant.Admin, "?after=" + new string('A', EventFeedQuery.MaxCursorLength + 1));

        Assert.Equal((400, "after"), (response.Status, response.Json["errors"]![0]!["field"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_daily_prune_removes_events_appended_longer_ago_than_the_retention_and_keeps_the_rest()
    {
        var tenant = await host.NewTenantAsync();
        await AppendAsync(tenant.TenantId, "old");
        host.Time.Advance(TimeSpan.FromDays(20));
        await AppendAsync(tenant.TenantId, "recent");
        host.Time.Advance(TimeSpan.FromDays(11));

        await host.Function<EventFeedFunctions>().Prune(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Equal(["recent"], Ids(await ListAsync(tenant.Admin)));
    }
}
