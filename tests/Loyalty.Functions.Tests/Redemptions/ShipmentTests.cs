using Loyalty.Core.Ledger;
using Loyalty.Core.Redemptions;
using Loyalty.Functions.Tests.Support;

namespace Loyalty.Functions.Tests.Redemptions;

/// <summary>Physical gifts: the orchestration waits for the merchant's shipment, a cancellation, or its deadline.</summary>
public sealed class ShipmentTests(DurableFunctionsHost host) : IClassFixture<DurableFunctionsHost>
{
    private readonly RedemptionDriver _driver = new(host);

    private static readonly object ShipTo = new { name = "Li Lei", phone = "13812345678", address = "1 Nanjing Rd, Shanghai" };

    private async Task<(TenantKeys Tenant, Core.Members.MemberKey Member, string GiftId, string RedemptionId)> AwaitingShipmentAsync(string key)
    {
        var tenant = await host.NewTenantAsync();
        var member = await _driver.NewMemberAsync(tenant.TenantId, 500);
        var giftId = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Physical(price: 300), stock: 2);
        var started = await _driver.RedeemAsync(tenant.Storefront, new { memberId = member.MemberId, giftId, shipTo = ShipTo }, key);
        Assert.Equal(202, started.Status);
        var id = started.Json["redemptionId"]!.GetValue<string>();
        for (var i = 0; i < 300 && (await _driver.RecordAsync(tenant.TenantId, id)).Status != RedemptionStatus.AwaitingShipment; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(RedemptionStatus.AwaitingShipment, (await _driver.RecordAsync(tenant.TenantId, id)).Status);
        return (tenant, member, giftId, id);
    }

    [Fact]
    public async Task A_shipped_call_with_a_tracking_number_completes_the_redemption()
    {
        var (tenant, member, giftId, id) = await AwaitingShipmentAsync("ship-1");
        var waiting = await _driver.GetAsync(tenant.Pos, id);

        var shipped = await _driver.ShipAsync(tenant.Admin, id, new { carrier = "SF Express", trackingNumber = "SF1234567890" });
        await host.WaitAsync(id);
        var view = await _driver.GetAsync(tenant.Pos, id);

        Assert.Equal("+86****5678", waiting.Json["fulfilment"]!["shipment"]!["shipTo"]!["phone"]!.GetValue<string>());
        Assert.Equal(202, shipped.Status);
        Assert.Equal("completed", view.Json["status"]!.GetValue<string>());
        Assert.Equal("SF1234567890", view.Json["fulfilment"]!["shipment"]!["trackingNumber"]!.GetValue<string>());
        Assert.Equal("shipped", view.Json["fulfilment"]!["shipment"]!["status"]!.GetValue<string>());
        Assert.Equal(200, (await _driver.MemberAsync(member)).Available);
        Assert.Equal(1, await _driver.StockAsync(tenant.TenantId, giftId));
        var again = await _driver.ShipAsync(tenant.Admin, id, new { trackingNumber = "SF1234567890" });
        Assert.Equal(409, again.Status);
        Assert.Equal("not-awaiting-shipment", again.Code);
    }

    [Fact]
    public async Task Cancelling_before_shipping_refunds_the_points_and_returns_the_stock()
    {
        var (tenant, member, giftId, id) = await AwaitingShipmentAsync("cancel-1");

        var cancelled = await _driver.CancelAsync(tenant.Storefront, id, new { reason = "changed my mind" });
        await host.WaitAsync(id);
        var view = await _driver.GetAsync(tenant.Pos, id);

        Assert.Equal(202, cancelled.Status);
        Assert.Equal("cancelled", view.Json["status"]!.GetValue<string>());
        Assert.Equal("cancelled", view.Json["failureCode"]!.GetValue<string>());
        Assert.Equal("failed", view.Json["steps"]![RedemptionSteps.Shipment]!["state"]!.GetValue<string>());
        Assert.Equal("done", view.Json["steps"]![RedemptionSteps.Refund]!["state"]!.GetValue<string>());
        Assert.Equal(500, (await _driver.MemberAsync(member)).Available);
        Assert.Equal(2, await _driver.StockAsync(tenant.TenantId, giftId));
        Assert.Single(await _driver.EntriesAsync(member), e => e.Type == LedgerEntryType.Restore);
    }

    [Fact]
    public async Task A_shipment_that_misses_its_deadline_is_cancelled_and_compensated()
    {
        var tenant = await host.NewTenantAsync();
        var member = await _driver.NewMemberAsync(tenant.TenantId, 500);
        var giftId = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Physical(price: 300), stock: 1);

        var id = await _driver.StartDirectlyAsync(member, giftId, TimeSpan.FromSeconds(2), new ShippingAddress("Li Lei", "13812345678", "1 Nanjing Rd"));
        await host.WaitAsync(id);
        var record = await _driver.RecordAsync(tenant.TenantId, id);

        Assert.Equal(RedemptionStatus.Cancelled, record.Status);
        Assert.Equal("shipping-deadline-passed", record.FailureCode);
        Assert.Equal(ShipmentStatus.Cancelled, record.Fulfilment!.Shipment!.Status);
        Assert.Equal(500, (await _driver.MemberAsync(member)).Available);
        Assert.Equal(1, await _driver.StockAsync(tenant.TenantId, giftId));
    }

    [Fact]
    public async Task Shipment_calls_need_an_admin_key_a_tracking_number_and_a_redemption_of_the_callers_tenant()
    {
        var (tenant, _, _, id) = await AwaitingShipmentAsync("ship-bad");
        var other = await host.NewTenantAsync();

        var byPos = await _driver.ShipAsync(tenant.Pos, id, new { trackingNumber = "X1" });
        var noTracking = await _driver.ShipAsync(tenant.Admin, id, new { carrier = "SF" });
        var badJson = await _driver.ShipAsync(tenant.Admin, id, "{\"trackingNumber\": 12}");
        var otherTenant = await _driver.ShipAsync(other.Admin, id, new { trackingNumber = "X1" });
        var otherCancel = await _driver.CancelAsync(other.Pos, id);
        var unknown = await _driver.CancelAsync(tenant.Pos, "r0000000000000000000000000000000");

        Assert.Equal(403, byPos.Status);
        Assert.Equal(422, noTracking.Status);
        Assert.Equal(400, badJson.Status);
        Assert.Equal(404, otherTenant.Status);
        Assert.Equal(404, otherCancel.Status);
        Assert.Equal(404, unknown.Status);
        Assert.Equal(RedemptionStatus.AwaitingShipment, (await _driver.RecordAsync(tenant.TenantId, id)).Status);
        await _driver.CancelAsync(tenant.Pos, id);
        await host.WaitAsync(id);
    }
}
