using Loyalty.EndToEnd.Tests.Hosting;

namespace Loyalty.EndToEnd.Tests.Api;

/// <summary>
/// The two reported cases, over real HTTP through the dev host and its queue poller: a till's <c>pointsPaid</c> with
/// nothing behind it mints nothing, and fixed annual clearing takes the year the order happened in.
/// </summary>
public sealed class IntegrityApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static async Task<long> NumberAsync(ApiClient client, string path, string name)
    {
        using var response = await client.GetAsync(path);
        return (await Json.ReadAsync(response, 200))[name]!.GetValue<long>();
    }

    [Theory]
    [InlineData(500L)]
    [InlineData(9_000_000_000_000_000_000L)]
    public async Task Points_paid_with_no_hold_behind_them_are_refused_and_a_refund_gives_nothing_back(long pointsPaid)
    {
        var (_, pos, _, memberId) = await TestShop.OpenAsync(fixture);
        var orderId = Orders.NewId("o");

        using var submitted = await pos.PostAsync("api/v1/purchases", new { orderId, memberId, lines = new[] { new { sku = "latte", quantity = 1, unitPrice = 32m } }, cashPaid = 32m, pointsPaid });
        using var refunded = await pos.PostAsync("api/v1/refunds", new { refundId = Orders.NewId("r"), orderId });

        var problem = await Json.ReadAsync(submitted, 422);
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == "pointsPaid");
        Assert.Equal("order-not-found", (await Json.ReadAsync(refunded, 422))["code"]!.GetValue<string>());
        Assert.Equal(0, await NumberAsync(pos, $"api/v1/members/{memberId}", "balance"));
    }

    [Fact]
    public async Task Points_paid_through_a_captured_hold_come_back_once_on_a_refund_and_never_more()
    {
        var (_, pos, admin, memberId) = await TestShop.OpenAsync(fixture);
        using var seeded = await admin.PostAsync($"api/v1/members/{memberId}/adjustments", new { delta = 2000, reason = "welcome" }, Orders.NewId("seed"));
        await Json.ReadAsync(seeded, 201);
        var orderId = Orders.NewId("o");
        var lines = new[] { new { sku = "latte", category = "coffee", quantity = 2, unitPrice = 32m } };
        using var held = await pos.PostAsync("api/v1/pos/holds", new { memberId, orderId, points = 1000, lines }, Orders.NewId("hold"));
        var holdId = (await Json.ReadAsync(held, 201))["holdId"]!.GetValue<string>();
        using var captured = await pos.PostAsync($"api/v1/pos/holds/{holdId}/capture", new { });
        await Json.ReadAsync(captured, 200);

        using var submitted = await pos.PostAsync("api/v1/purchases", new { orderId, memberId, lines, cashPaid = 54m, holdIds = new[] { holdId } });
        await Json.ReadAsync(submitted, 202);
        var credited = await pos.WaitForStatusAsync($"api/v1/purchases/{orderId}", "credited", Timeout);
        var refundId = Orders.NewId("r");
        using var refunded = await pos.PostAsync("api/v1/refunds", new { refundId, orderId });
        var refund = await Json.ReadAsync(refunded, 202);
        await pos.WaitForStatusAsync($"api/v1/refunds/{refundId}", "processed", Timeout);
        using var again = await pos.PostAsync("api/v1/refunds", new { refundId = Orders.NewId("r"), orderId });

        Assert.Equal((54L, 1000L), (credited["points"]!.GetValue<long>(), credited["pointsPaid"]!.GetValue<long>()));
        Assert.Equal(1000L, refund["pointsToRestore"]!.GetValue<long>());
        Assert.Equal("nothing-to-refund", (await Json.ReadAsync(again, 422))["code"]!.GetValue<string>());
        Assert.Equal(2000, await NumberAsync(pos, $"api/v1/members/{memberId}", "balance"));
        Assert.Equal(0, await NumberAsync(pos, $"api/v1/members/{memberId}", "lifetimeSpent"));
    }

    [Fact]
    public async Task Fixed_annual_clearing_takes_the_year_the_order_happened_in_not_the_year_the_queue_credited_it()
    {
        var (_, pos, admin, memberId) = await TestShop.OpenAsync(fixture);
        using var program = await admin.PutAsync("api/v1/program", new { expiry = new { mode = "fixedAnnual", months = 12, clearingMonth = 12, clearingDay = 31 } }, ifMatch: "\"0\"");
        await Json.ReadAsync(program, 200);

        // The last New Year's Eve that has passed, in Asia/Shanghai: both orders are credited long after its midnight.
        var now = DateTimeOffset.UtcNow.ToOffset(Shanghai);
        var year = now.Year - 1;
        var lastSecond = new DateTimeOffset(year, 12, 31, 23, 59, 59, Shanghai);
        var (beforeMidnight, afterMidnight) = (Orders.NewId("o"), Orders.NewId("o"));
        foreach (var (orderId, occurredAt) in new[] { (beforeMidnight, lastSecond), (afterMidnight, lastSecond.AddSeconds(1)) })
        {
            using var submitted = await pos.PostAsync("api/v1/purchases", new { orderId, memberId, lines = new[] { new { sku = "latte", quantity = 1, unitPrice = 32m } }, cashPaid = 32m, occurredAt });
            await Json.ReadAsync(submitted, 202);
            await pos.WaitForStatusAsync($"api/v1/purchases/{orderId}", "credited", Timeout);
        }

        using var lotsResponse = await pos.GetAsync($"api/v1/members/{memberId}/lots");
        var lots = (await Json.ReadAsync(lotsResponse, 200))["lots"]!.AsArray();
        DateTimeOffset ExpiryOf(string orderId) => lots.Single(l => l!["reference"]?.GetValue<string>() == orderId)!["expiresAt"]!.GetValue<DateTimeOffset>();

        Assert.Equal(new DateTimeOffset(year + 2, 1, 1, 0, 0, 0, Shanghai), ExpiryOf(beforeMidnight));
        Assert.Equal(new DateTimeOffset(year + 3, 1, 1, 0, 0, 0, Shanghai), ExpiryOf(afterMidnight));
    }
}
