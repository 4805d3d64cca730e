using Loyalty.Core.Purchases;
using Loyalty.Core.Refunds;
using Loyalty.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Functions.Tests.Redrive;

/// <summary>
/// The re-driver (or the poison handler) gives up on an order at the very moment a processor that already credited it
/// records the outcome: the record must end credited, as the ledger is, not failed with points in the member's ledger.
/// </summary>
public sealed class GiveUpRaceTests(GivingUpRedriveHost host) : IClassFixture<GivingUpRedriveHost>
{
    private static readonly object[] Lines = [new { sku = "tea-1", category = "drinks", quantity = 2, unitPrice = 50m }];

    [Fact]
    public async Task An_order_marked_failed_while_its_credit_was_committing_ends_credited_with_its_points()
    {
        var tenant = await host.NewTenantAsync();
        var memberId = await Api.MemberWithPointsAsync(host, tenant, 0);
        await host.PurchaseAsync(tenant.Pos, new { orderId = "order-race", memberId, storeId = "store-1", lines = Lines, cashPaid = 88.80m });
        var purchases = host.Services.GetRequiredService<PurchaseService>();
        var failedInBetween = false;
        host.Purchases.BeforeSettle = async () =>
        {
            await purchases.MarkFailedAsync(new AccrualMessage(tenant.TenantId, "order-race"), "Still queued after 3 re-drives.", CancellationToken.None);
            failedInBetween = (await purchases.GetAsync(tenant.TenantId, "order-race", CancellationToken.None))!.Status == PurchaseStatus.Failed;
        };

        await host.DrainQueueAsync();
        var status = await Api.PurchaseStatusAsync(host, tenant, "order-race");
        var member = await Api.MemberAsync(host, tenant, memberId);

        Assert.True(failedInBetween);
        Assert.Equal("credited", status.Json["status"]!.GetValue<string>());
        Assert.Equal(88, status.Json["points"]!.GetValue<long>());
        Assert.Equal(88, member.Json["lifetimeEarned"]!.GetValue<long>());
        Assert.Equal(["earn"], await Api.LedgerTypesAsync(host, tenant, memberId));
    }

    [Fact]
    public async Task A_refund_marked_failed_while_its_claw_back_was_committing_ends_processed()
    {
        var tenant = await host.NewTenantAsync();
        var memberId = await Api.MemberWithPointsAsync(host, tenant, 0);
        await host.PurchaseAsync(tenant.Pos, new { orderId = "order-r-race", memberId, storeId = "store-1", lines = Lines, cashPaid = 88.80m });
        await host.DrainQueueAsync();
        await Api.RefundAsync(host, tenant, new { refundId = "refund-race", orderId = "order-r-race", amount = 88.80m });
        var refunds = host.Services.GetRequiredService<RefundService>();
        var failedInBetween = false;
        host.Refunds.BeforeSettle = async () =>
        {
            await refunds.MarkFailedAsync(new AccrualMessage(tenant.TenantId, "order-r-race") { RefundId = "refund-race" }, "Still queued after 3 re-drives.", CancellationToken.None);
            failedInBetween = (await refunds.GetAsync(tenant.TenantId, "refund-race", CancellationToken.None))!.Status == RefundStatus.Failed;
        };

        await host.DrainQueueAsync();
        var refund = await refunds.GetAsync(tenant.TenantId, "refund-race", CancellationToken.None);

        Assert.True(failedInBetween);
        Assert.Equal(RefundStatus.Processed, refund!.Status);
        Assert.Equal(["earn", "refund"], (await Api.LedgerTypesAsync(host, tenant, memberId)).Order());
        Assert.Equal(0, (await Api.MemberAsync(host, tenant, memberId)).Json["balance"]!.GetValue<long>());
    }
}
