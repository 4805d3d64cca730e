using Azure.Data.Tables;
using Loyalty.Functions.Members;
using Loyalty.Functions.Purchases;
using Loyalty.Functions.Tests.Support;
using Loyalty.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Purchases;

public sealed class PurchaseFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private PurchaseFunctions Purchases => host.Function<PurchaseFunctions>();

    private async Task<TenantKeys> TenantWithMemberAsync(string memberId)
    {
        var tenant = await host.NewTenantAsync();
        var members = host.Function<MemberFunctions>();
        await CallAsync(Request("POST", "/api/v1/members", new { memberId }, tenant.Pos), r => members.Register(r, NoDurable.Client, CancellationToken.None));
        return tenant;
    }

    private static readonly object[] Lines = [new { sku = "tea-1", category = "drinks", quantity = 2, unitPrice = 50m }];

    private static object Order(string orderId, string memberId, decimal cash = 88.80m, long pointsPaid = 0, string[]? holdIds = null) => new
    {
        orderId,
        memberId,
        storeId = "store-1",
        lines = Lines,
        cashPaid = cash,
        pointsPaid,
        holdIds,
    };

    private Task<Response> SubmitAsync(string key, object body) =>
        CallAsync(Request("POST", "/api/v1/purchases", body, key), r => Purchases.Submit(r, CancellationToken.None));

    private Task<Response> StatusAsync(string key, string orderId) =>
        CallAsync(Request("GET", $"/api/v1/purchases/{orderId}", apiKey: key), r => Purchases.Get(r, orderId, CancellationToken.None));

    [Fact]
    public async Task A_purchase_is_accepted_queued_and_then_credited_on_the_cash_part_only()
    {
        var tenant = await host.NewTenantAsync();
        await Api.MemberWithPointsAsync(host, tenant, 2000, "m-1");
        var holdId = await Api.CapturedHoldAsync(host, tenant, "m-1", "order-1", 1120, Lines);

        var accepted = await SubmitAsync(tenant.Pos, Order("order-1", "m-1", cash: 88.80m, pointsPaid: 1120, holdIds: [holdId]));
        var queued = await StatusAsync(tenant.Pos, "order-1");
        await host.DrainQueueAsync();
        var credited = await StatusAsync(tenant.Pos, "order-1");
        var member = await CallAsync(Request("GET", "/api/v1/members/m-1", apiKey: tenant.Pos), r => host.Function<MemberFunctions>().Get(r, "m-1", CancellationToken.None));

        Assert.Equal(202, accepted.Status);
        Assert.Equal("/api/v1/purchases/order-1", accepted.Headers.Location.ToString());
        Assert.Equal("queued", queued.Json["status"]!.GetValue<string>());
        Assert.Equal("credited", credited.Json["status"]!.GetValue<string>());
        Assert.Equal(88, credited.Json["points"]!.GetValue<long>());
        Assert.NotNull(credited.Json["entryId"]);
        Assert.Equal(2000 - 1120 + 88, member.Json["available"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_same_order_submitted_twice_credits_once_and_different_contents_conflict()
    {
        var tenant = await TenantWithMemberAsync("m-2");

        await SubmitAsync(tenant.Pos, Order("order-2", "m-2"));
        var again = await SubmitAsync(tenant.Pos, Order("order-2", "m-2"));
        var delivered = await host.DrainQueueAsync();
        var afterCredit = await SubmitAsync(tenant.Pos, Order("order-2", "m-2"));
        var changed = await SubmitAsync(tenant.Pos, Order("order-2", "m-2", cash: 1m));
        await host.DrainQueueAsync();
        var member = await CallAsync(Request("GET", "/api/v1/members/m-2", apiKey: tenant.Pos), r => host.Function<MemberFunctions>().Get(r, "m-2", CancellationToken.None));

        Assert.Equal(202, again.Status);
        Assert.Equal(2, delivered);
        Assert.Equal("credited", afterCredit.Json["status"]!.GetValue<string>());
        Assert.Equal((409, "order-conflict"), (changed.Status, changed.Code));
        Assert.Equal(88, member.Json["lifetimeEarned"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_message_delivered_many_times_credits_once()
    {
        var tenant = await TenantWithMemberAsync("m-3");
        await SubmitAsync(tenant.Pos, Order("order-3", "m-3"));
        var message = (await host.Queue.ReceiveMessageAsync()).Value;

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Purchases.Process(message.Body.ToString(), NoDurable.Client, CancellationToken.None)));
        for (var i = 0; i < 10; i++)
        {
            await Purchases.Process(message.Body.ToString(), NoDurable.Client, CancellationToken.None);
        }

        var member = await CallAsync(Request("GET", "/api/v1/members/m-3/ledger", apiKey: tenant.Pos), r => host.Function<MemberFunctions>().Ledger(r, "m-3", CancellationToken.None));
        Assert.Equal(88, Assert.Single(member.Json["entries"]!.AsArray())!["delta"]!.GetValue<long>());
    }

    [Fact]
    public async Task Unknown_members_and_bad_orders_are_refused_before_anything_is_queued()
    {
        var tenant = await TenantWithMemberAsync("m-4");

        var unknown = await SubmitAsync(tenant.Pos, Order("order-4", "ghost"));
        var invalid = await SubmitAsync(tenant.Pos, new { orderId = "order-5", memberId = "m-4", cashPaid = 500m, lines = new[] { new { sku = "x", quantity = 1, unitPrice = 1m } } });
        var missing = await StatusAsync(tenant.Pos, "order-4");

        Assert.Equal((404, "member-not-found"), (unknown.Status, unknown.Code));
        Assert.Equal(422, invalid.Status);
        Assert.Equal("cashPaid", invalid.Json["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal(404, missing.Status);
        Assert.Equal(0, await host.DrainQueueAsync());
    }

    /// <summary>
    /// Both functions called directly; the queue listener in between (retries up to maxDequeueCount, the move to the
    /// poison queue) runs for real in PoisonAccrualTests over the dev host.
    /// </summary>
    [Fact]
    public async Task Failed_processing_keeps_the_order_queued_and_the_poison_function_marks_it_failed_with_the_last_reason()
    {
        var tenant = await TenantWithMemberAsync("m-6");
        await SubmitAsync(tenant.Pos, Order("order-6", "m-6"));
        await CorruptProgramAsync(tenant.TenantId);
        var message = (await host.Queue.ReceiveMessageAsync()).Value.Body.ToString();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Purchases.Process(message, NoDurable.Client, CancellationToken.None));
        }

        var stillQueued = await StatusAsync(tenant.Pos, "order-6");
        await Purchases.Poison(message, CancellationToken.None);
        var failed = await StatusAsync(tenant.Pos, "order-6");

        Assert.Equal("queued", stillQueued.Json["status"]!.GetValue<string>());
        Assert.Equal("failed", failed.Json["status"]!.GetValue<string>());
        Assert.Contains("JsonException", failed.Json["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Breaks the stored program so every processing attempt throws, as a persistent fault would.</summary>
    private async Task CorruptProgramAsync(string tenantId)
    {
        var tables = host.Services.GetRequiredService<LoyaltyTables>();
        var table = await tables.GetAsync(LoyaltyTables.Programs);
        await table.UpsertEntityAsync(new TableEntity(tenantId, "current") { ["Version"] = 1, ["Rules"] = "{not json" });
    }
}
