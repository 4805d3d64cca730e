using System.Text.Json.Nodes;
using Loyalty.EndToEnd.Tests.Hosting;

namespace Loyalty.EndToEnd.Tests.Api;

public sealed class PurchaseApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan CreditTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Purchase_is_accepted_then_credited_by_the_queue_poller()
    {
        var (_, pos, _, memberId) = await TestShop.OpenAsync(fixture);

        var orderId = Orders.NewId("o");
        using var submitted = await pos.PostAsync("api/v1/purchases", Orders.Purchase(orderId, memberId));
        var accepted = await Json.ReadAsync(submitted, 202);
        Assert.Equal("queued", accepted["status"]!.GetValue<string>());
        Assert.Equal($"/api/v1/purchases/{orderId}", submitted.Headers.Location?.OriginalString);

        var credited = await WaitForStatusAsync(pos, orderId, "credited");
        Assert.Equal(64, credited["points"]!.GetValue<long>());

        using var member = await pos.GetAsync($"api/v1/members/{memberId}");
        var summary = await Json.ReadAsync(member, 200);
        Assert.Equal(64, summary["balance"]!.GetValue<long>());
        Assert.Equal(64, summary["lifetimeEarned"]!.GetValue<long>());
    }

    [Fact]
    public async Task Submitting_the_same_order_twice_credits_it_once()
    {
        var (_, pos, _, memberId) = await TestShop.OpenAsync(fixture);
        var orderId = Orders.NewId("o");
        var order = Orders.Purchase(orderId, memberId, unitPrice: 50m, quantity: 1);

        using var first = await pos.PostAsync("api/v1/purchases", order);
        await Json.ReadAsync(first, 202);
        await WaitForStatusAsync(pos, orderId, "credited");
        using var again = await pos.PostAsync("api/v1/purchases", order);
        var replayed = await Json.ReadAsync(again, 202);

        Assert.Equal("credited", replayed["status"]!.GetValue<string>());
        using var member = await pos.GetAsync($"api/v1/members/{memberId}");
        Assert.Equal(50, (await Json.ReadAsync(member, 200))["balance"]!.GetValue<long>());
        using var ledger = await pos.GetAsync($"api/v1/members/{memberId}/ledger");
        Assert.Single((await Json.ReadAsync(ledger, 200))["entries"]!.AsArray());
    }

    [Fact]
    public async Task Same_order_id_with_different_contents_is_a_conflict()
    {
        var (_, pos, _, memberId) = await TestShop.OpenAsync(fixture);
        var orderId = Orders.NewId("o");

        using var first = await pos.PostAsync("api/v1/purchases", Orders.Purchase(orderId, memberId, unitPrice: 10m));
        await Json.ReadAsync(first, 202);
        using var changed = await pos.PostAsync("api/v1/purchases", Orders.Purchase(orderId, memberId, unitPrice: 99m));

        var problem = await Json.ReadAsync(changed, 409);
        Assert.Equal("order-conflict", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_purchase_is_422_naming_every_field_at_fault()
    {
        var tenant = await fixture.CreateTenantAsync("shop");
        var pos = new ApiClient(fixture.Client, tenant.PosKey);

        using var response = await pos.PostAsync("api/v1/purchases", new { orderId = "bad id!", memberId = "m-1", lines = new[] { new { sku = "", quantity = 0, unitPrice = -1 } }, cashPaid = 1.234 });

        var problem = await Json.ReadAsync(response, 422);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var fields = problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "orderId", "lines[0].sku", "lines[0].quantity", "lines[0].unitPrice", "cashPaid" }, fields);
    }

    [Fact]
    public async Task Purchase_for_an_unknown_member_is_404_and_nothing_is_queued()
    {
        var tenant = await fixture.CreateTenantAsync("shop");
        var pos = new ApiClient(fixture.Client, tenant.PosKey);
        var orderId = Orders.NewId("o");

        using var response = await pos.PostAsync("api/v1/purchases", Orders.Purchase(orderId, "nobody"));
        Assert.Equal("member-not-found", (await Json.ReadAsync(response, 404))["code"]!.GetValue<string>());
        using var status = await pos.GetAsync($"api/v1/purchases/{orderId}");
        Assert.Equal("purchase-not-found", (await Json.ReadAsync(status, 404))["code"]!.GetValue<string>());
    }

    private static Task<JsonNode> WaitForStatusAsync(ApiClient pos, string orderId, string status) =>
        pos.WaitForStatusAsync($"api/v1/purchases/{orderId}", status, CreditTimeout);
}
