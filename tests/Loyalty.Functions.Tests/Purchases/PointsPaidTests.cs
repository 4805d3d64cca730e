using Loyalty.Core.Purchases;
using Loyalty.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.Functions.Tests.Support.Api;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Purchases;

/// <summary>
/// The points part of an order is what its captured POS holds took, never a number the till sends: a refund or a
/// cancellation gives back at most that, with the expiry the points had.
/// </summary>
public sealed class PointsPaidTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private static readonly object[] Basket = [new { sku = "tea", category = "drinks", quantity = 2, unitPrice = 50m }];

    private static object Order(string orderId, string memberId, decimal cashPaid, object? pointsPaid = null, string[]? holdIds = null, bool complete = true) => new
    {
        orderId,
        memberId,
        lines = Basket,
        cashPaid,
        pointsPaid,
        holdIds,
        complete,
    };

    private static long Number(Response response, string name) => response.Json[name]!.GetValue<long>();

    private static string Field(Response response, int index = 0) => response.Json["errors"]![index]!["field"]!.GetValue<string>();

    private static string Rule(Response response, int index = 0) => response.Json["errors"]![index]!["rule"]!.GetValue<string>();

    [Theory]
    [InlineData(500L, "captured-holds")]
    [InlineData(9_000_000_000_000_000_000L, "range")]
    public async Task Points_paid_without_a_captured_hold_are_refused_and_nothing_is_minted(long pointsPaid, string rule)
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 0);

        var submitted = await host.PurchaseAsync(tenant.Pos, Order("o-" + pointsPaid, member, 100m, pointsPaid));
        await host.DrainQueueAsync();
        var refund = await RefundAsync(host, tenant, new { refundId = "r-" + pointsPaid, orderId = "o-" + pointsPaid });
        var after = await MemberAsync(host, tenant, member);

        Assert.Equal((422, "pointsPaid", rule), (submitted.Status, Field(submitted), Rule(submitted)));
        Assert.Equal((422, "order-not-found"), (refund.Status, refund.Code));
        Assert.Equal((0L, 0L, 0L), (Number(after, "balance"), Number(after, "lifetimeEarned"), Number(after, "lifetimeSpent")));
    }

    [Fact]
    public async Task A_purchase_paid_with_a_captured_hold_is_credited_and_a_full_refund_gives_back_exactly_the_captured_points_with_their_expiry()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 2000);
        var expiry = (await LotsAsync(host, tenant, member)).Single()["expiresAt"]!.GetValue<DateTimeOffset>();
        var holdId = await CapturedHoldAsync(host, tenant, member, "o-1", 1000, Basket);
        host.Time.Advance(TimeSpan.FromSeconds(1));

        var submitted = await host.PurchaseAsync(tenant.Pos, Order("o-1", member, 90m, holdIds: [holdId]));
        await host.DrainQueueAsync();
        var credited = await PurchaseStatusAsync(host, tenant, "o-1");
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var refunded = await RefundAsync(host, tenant, new { refundId = "r-1", orderId = "o-1" });
        await host.DrainQueueAsync();
        var again = await RefundAsync(host, tenant, new { refundId = "r-2", orderId = "o-1" });
        var after = await MemberAsync(host, tenant, member);
        var lots = await LotsAsync(host, tenant, member);

        Assert.Equal(202, submitted.Status);
        Assert.Equal(("credited", 90L, 1000L), (credited.Json["status"]!.GetValue<string>(), Number(credited, "points"), Number(credited, "pointsPaid")));
        Assert.Equal((202, 90L, 1000L), (refunded.Status, Number(refunded, "pointsToClawBack"), Number(refunded, "pointsToRestore")));
        Assert.Equal((422, "nothing-to-refund"), (again.Status, again.Code));
        Assert.Equal((2000L, 2000L, 0L), (Number(after, "balance"), Number(after, "lifetimeEarned"), Number(after, "lifetimeSpent")));
        Assert.All(lots, l => Assert.Equal(expiry, l["expiresAt"]!.GetValue<DateTimeOffset>()));
        Assert.Equal(["adjust", "hold", "spend", "earn", "refund", "restore"], await LedgerTypesAsync(host, tenant, member));
    }

    [Fact]
    public async Task Points_paid_default_to_what_the_holds_captured_and_a_different_figure_is_refused()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 5000);
        var first = await CapturedHoldAsync(host, tenant, member, "o-2", 1000, Basket);
        var second = await CapturedHoldAsync(host, tenant, member, "o-2", 500, Basket);

        var wrong = await host.PurchaseAsync(tenant.Pos, Order("o-2", member, 85m, 2000L, [first, second]));
        var right = await host.PurchaseAsync(tenant.Pos, Order("o-2", member, 85m, 1500L, [first, second]));
        await host.DrainQueueAsync();
        var credited = await PurchaseStatusAsync(host, tenant, "o-2");

        Assert.Equal((422, OrderHolds.NotCaptured, "pointsPaid", "equals-captured"), (wrong.Status, wrong.Code, Field(wrong), Rule(wrong)));
        Assert.Equal(202, right.Status);
        Assert.Equal(1500L, Number(credited, "pointsPaid"));
    }

    [Fact]
    public async Task A_hold_must_be_the_members_own_made_for_this_order_and_captured()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 5000);
        var other = await MemberWithPointsAsync(host, tenant, 5000);
        var othersHold = await CapturedHoldAsync(host, tenant, other, "o-3", 1000, Basket);
        var otherOrder = await CapturedHoldAsync(host, tenant, member, "o-elsewhere", 1000, Basket);
        var pos = host.Function<Loyalty.Functions.Pos.PosFunctions>();
        var open = await CallAsync(Request("POST", "/api/v1/pos/holds", new { memberId = member, orderId = "o-3", points = 1000, lines = Basket }, tenant.Pos, Key("open-hold")), r => pos.Hold(r, CancellationToken.None));
        var openId = open.Json["holdId"]!.GetValue<string>();
        var released = await CallAsync(Request("POST", "/api/v1/pos/holds", new { memberId = member, orderId = "o-3", points = 500, lines = Basket }, tenant.Pos, Key("released-hold")), r => pos.Hold(r, CancellationToken.None));
        var releasedId = released.Json["holdId"]!.GetValue<string>();
        await CallAsync(Request("DELETE", $"/api/v1/pos/holds/{releasedId}", apiKey: tenant.Pos), r => pos.Release(r, releasedId, CancellationToken.None));

        var notOwn = await host.PurchaseAsync(tenant.Pos, Order("o-3", member, 90m, holdIds: [othersHold]));
        var notThisOrder = await host.PurchaseAsync(tenant.Pos, Order("o-3", member, 90m, holdIds: [otherOrder]));
        var notCaptured = await host.PurchaseAsync(tenant.Pos, Order("o-3", member, 90m, holdIds: [openId, releasedId]));
        var unknown = await host.PurchaseAsync(tenant.Pos, Order("o-3", member, 90m, holdIds: [member + "~" + new string('0', 24)]));
        var twice = await host.PurchaseAsync(tenant.Pos, Order("o-3", member, 90m, holdIds: [openId, openId]));

        Assert.Equal((422, "holdIds[0]", "same-member"), (notOwn.Status, Field(notOwn), Rule(notOwn)));
        Assert.Equal((422, "holdIds[0]", "same-order"), (notThisOrder.Status, Field(notThisOrder), Rule(notThisOrder)));
        Assert.Equal((422, "holdIds[0]", "captured"), (notCaptured.Status, Field(notCaptured), Rule(notCaptured)));
        Assert.Equal(("holdIds[1]", "captured"), (Field(notCaptured, 1), Rule(notCaptured, 1)));
        Assert.Equal((422, "holdIds[0]", "hold-exists"), (unknown.Status, Field(unknown), Rule(unknown)));
        Assert.Equal((422, "holdIds[1]", "unique"), (twice.Status, Field(twice), Rule(twice)));
        Assert.Equal(0, await host.DrainQueueAsync());
    }

    [Fact]
    public async Task Partial_refunds_give_back_points_in_proportion_and_never_more_than_were_captured_in_total()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 5000);
        object[] basket = [new { sku = "tea", category = "drinks", quantity = 3, unitPrice = 20m }, new { sku = "cake", category = "food", quantity = 1, unitPrice = 40m }];
        var holdId = await CapturedHoldAsync(host, tenant, member, "o-4", 1001, basket);
        await host.PurchaseAsync(tenant.Pos, new { orderId = "o-4", memberId = member, lines = basket, cashPaid = 89.99m, holdIds = new[] { holdId } });
        await host.DrainQueueAsync();

        var cake = await RefundAsync(host, tenant, new { refundId = "r-cake", orderId = "o-4", lines = new[] { new { sku = "cake", quantity = 1 } } });
        var cakeAgain = await RefundAsync(host, tenant, new { refundId = "r-cake", orderId = "o-4", lines = new[] { new { sku = "cake", quantity = 1 } } });
        var oneTea = await RefundAsync(host, tenant, new { refundId = "r-tea-1", orderId = "o-4", lines = new[] { new { sku = "tea", quantity = 1 } } });
        var byAmount = await RefundAsync(host, tenant, new { refundId = "r-cash", orderId = "o-4", amount = 5m });
        var rest = await RefundAsync(host, tenant, new { refundId = "r-rest", orderId = "o-4" });
        await host.DrainQueueAsync();
        var order = await PurchaseStatusAsync(host, tenant, "o-4");
        var after = await MemberAsync(host, tenant, member);

        // 40 of 100 returned: floor(1001 × 0.4) = 400; then 60 of 100: floor(1001 × 0.6) − 400 = 200; amounts return no goods.
        Assert.Equal((400L, 400L, 200L, 0L), (Number(cake, "pointsToRestore"), Number(cakeAgain, "pointsToRestore"), Number(oneTea, "pointsToRestore"), Number(byAmount, "pointsToRestore")));
        Assert.Equal(1001L - 400 - 200, Number(rest, "pointsToRestore"));
        Assert.Equal((1001L, 1001L), (Number(order, "pointsPaid"), Number(order, "pointsRestored")));
        Assert.Equal((5000L, 0L), (Number(after, "balance"), Number(after, "lifetimeSpent")));
    }

    [Fact]
    public async Task Cancelling_an_incomplete_order_voids_its_pending_points_and_gives_back_what_refunds_have_not()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 3000);
        object[] basket = [new { sku = "tea", category = "drinks", quantity = 2, unitPrice = 50m }];
        var holdId = await CapturedHoldAsync(host, tenant, member, "o-5", 2000, basket);
        await host.PurchaseAsync(tenant.Pos, Order("o-5", member, 80m, holdIds: [holdId], complete: false));
        await host.DrainQueueAsync();

        var partial = await RefundAsync(host, tenant, new { refundId = "r-5", orderId = "o-5", lines = new[] { new { sku = "tea", quantity = 1 } } });
        await host.DrainQueueAsync();
        var cancelled = await CancelOrderAsync(host, tenant, "o-5");
        var again = await CancelOrderAsync(host, tenant, "o-5");
        var refundAfter = await RefundAsync(host, tenant, new { refundId = "r-6", orderId = "o-5" });
        var after = await MemberAsync(host, tenant, member);

        Assert.Equal((1000L, 40L), (Number(partial, "pointsToRestore"), Number(partial, "pointsToClawBack")));
        Assert.Equal((200, "cancelled", 2000L), (cancelled.Status, cancelled.Json["status"]!.GetValue<string>(), Number(cancelled, "pointsRestored")));
        Assert.Equal((200, 80L), (again.Status, Number(again, "pointsClawedBack")));
        Assert.Equal((422, "order-cancelled"), (refundAfter.Status, refundAfter.Code));
        Assert.Equal((3000L, 0L, 0L, 3000L), (Number(after, "balance"), Number(after, "pending"), Number(after, "lifetimeSpent"), Number(after, "lifetimeEarned")));
    }

    [Fact]
    public async Task An_order_queued_with_points_no_hold_backs_is_rejected_by_the_processor_with_the_reason()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 0);
        var purchases = host.Services.GetRequiredService<IPurchaseStore>();
        var queue = host.Services.GetRequiredService<IAccrualQueue>();
        var now = host.Time.GetUtcNow();

        // As an order accepted before holds were required would sit in the queue.
        await purchases.AddOrGetAsync(
            new PurchaseRecord
            {
                TenantId = tenant.TenantId,
                Purchase = new Purchase("o-legacy", member, null, [new PurchaseLine("tea", null, 1, 100m)], 100m, 500, now),
                Fingerprint = "legacy",
                Status = PurchaseStatus.Queued,
                ReceivedAt = now,
            },
            CancellationToken.None);
        await queue.EnqueueAsync(new AccrualMessage(tenant.TenantId, "o-legacy"), CancellationToken.None);
        await host.DrainQueueAsync();
        var status = await PurchaseStatusAsync(host, tenant, "o-legacy");
        var after = await MemberAsync(host, tenant, member);

        Assert.Equal("rejected", status.Json["status"]!.GetValue<string>());
        Assert.Contains("holdIds", status.Json["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0L, Number(after, "balance"));
    }
}
