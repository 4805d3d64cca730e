using Azure.Data.Tables;
using Loyalty.Core.Redrive;
using Loyalty.Core.Refunds;
using Loyalty.Functions.Redrive;
using Loyalty.Functions.Tests.Support;
using Loyalty.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Functions.Tests.Redrive;

/// <summary>
/// Purchases and refunds still queued are re-driven from the queued-work index against Azurite, with the app's clock
/// moved past <c>Redrive__After</c> (5 minutes by default); the queue processor runs as the host would run it.
/// </summary>
public sealed class RedriveTests(RedriveHost host) : IClassFixture<RedriveHost>
{
    private static readonly object[] Lines = [new { sku = "tea-1", category = "drinks", quantity = 2, unitPrice = 50m }];

    private QueuedWorkRedriver Redriver => host.Services.GetRequiredService<QueuedWorkRedriver>();

    private async Task<(TenantKeys Tenant, string MemberId)> MemberAsync()
    {
        var tenant = await host.NewTenantAsync();
        return (tenant, await Api.MemberWithPointsAsync(host, tenant, 0));
    }

    private Task<Response> SubmitAsync(TenantKeys tenant, string memberId, string orderId) =>
        host.PurchaseAsync(tenant.Pos, new { orderId, memberId, storeId = "store-1", lines = Lines, cashPaid = 88.80m });

    private async Task<string> StatusAsync(TenantKeys tenant, string orderId) =>
        (await Api.PurchaseStatusAsync(host, tenant, orderId)).Json["status"]!.GetValue<string>();

    private async Task<RefundRecord> RefundRecordAsync(TenantKeys tenant, string refundId) =>
        (await host.Services.GetRequiredService<RefundService>().GetAsync(tenant.TenantId, refundId, CancellationToken.None))!;

    private Task RunTimerAsync() => host.Function<RedriveFunctions>().Run(new TimerInfo(), CancellationToken.None);

    /// <summary>The tenant's rows in the queued-work index, as <c>{bucket}/{row}</c>.</summary>
    private async Task<List<string>> IndexRowsAsync(TenantKeys tenant)
    {
        var table = await host.Services.GetRequiredService<LoyaltyTables>().GetAsync(LoyaltyTables.QueuedWork);
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"TenantId eq {tenant.TenantId}")))
        {
            rows.Add($"{row.PartitionKey}/{row.RowKey}");
        }

        return rows;
    }

    /// <summary>Accrual messages of the tenant waiting in the queue.</summary>
    private async Task<int> MessagesForAsync(TenantKeys tenant)
    {
        var messages = (await host.Queue.PeekMessagesAsync(32)).Value;
        return messages.Count(m => m.Body.ToString().Contains(tenant.TenantId, StringComparison.Ordinal));
    }

    private async Task<(long Earned, IReadOnlyList<string> Entries)> PointsAsync(TenantKeys tenant, string memberId)
    {
        var member = await Api.MemberAsync(host, tenant, memberId);
        return (member.Json["lifetimeEarned"]!.GetValue<long>(), await Api.LedgerTypesAsync(host, tenant, memberId));
    }

    private async Task AssertCreditedOnceAsync(TenantKeys tenant, string memberId)
    {
        var (earned, entries) = await PointsAsync(tenant, memberId);
        Assert.Equal(88, earned);
        Assert.Equal(["earn"], entries);
    }

    private async Task<T> LosingAsync<T>(Func<Task<T>> action)
    {
        host.AccrualQueue.Losing = true;
        try
        {
            return await action();
        }
        finally
        {
            host.AccrualQueue.Losing = false;
        }
    }

    [Fact]
    public async Task An_order_whose_message_was_lost_is_redriven_once_it_is_overdue_and_credited_once()
    {
        var (tenant, memberId) = await MemberAsync();
        var accepted = await LosingAsync(() => SubmitAsync(tenant, memberId, "order-lost"));
        var indexed = await IndexRowsAsync(tenant);
        await host.DrainQueueAsync();

        host.Time.Advance(TimeSpan.FromMinutes(4));
        await RunTimerAsync();
        var early = await MessagesForAsync(tenant);
        var stillQueued = await StatusAsync(tenant, "order-lost");

        host.Time.Advance(TimeSpan.FromMinutes(2));
        await RunTimerAsync();
        var redriven = await MessagesForAsync(tenant);
        await host.DrainQueueAsync();
        host.Time.Advance(TimeSpan.FromMinutes(30));
        await RunTimerAsync();
        var later = await MessagesForAsync(tenant);

        Assert.Equal(202, accepted.Status);
        var row = Assert.Single(indexed);
        Assert.EndsWith($"/purchase:{tenant.TenantId}:order-lost", row, StringComparison.Ordinal);
        Assert.Equal((0, "queued"), (early, stillQueued));
        Assert.Equal(1, redriven);
        Assert.Equal("credited", await StatusAsync(tenant, "order-lost"));
        await AssertCreditedOnceAsync(tenant, memberId);
        Assert.Empty(await IndexRowsAsync(tenant));
        Assert.Equal(0, later);
    }

    [Fact]
    public async Task An_order_credited_normally_leaves_the_index_and_is_never_redriven()
    {
        var (tenant, memberId) = await MemberAsync();
        await SubmitAsync(tenant, memberId, "order-normal");
        var whileQueued = await IndexRowsAsync(tenant);
        await host.DrainQueueAsync();
        var afterCredit = await IndexRowsAsync(tenant);

        host.Time.Advance(TimeSpan.FromMinutes(10));
        await RunTimerAsync();

        Assert.Single(whileQueued);
        Assert.Empty(afterCredit);
        Assert.Equal(0, await MessagesForAsync(tenant));
        await AssertCreditedOnceAsync(tenant, memberId);
    }

    [Fact]
    public async Task An_order_whose_message_was_only_slow_is_credited_once_when_both_messages_arrive()
    {
        var (tenant, memberId) = await MemberAsync();
        await SubmitAsync(tenant, memberId, "order-slow");

        host.Time.Advance(TimeSpan.FromMinutes(6));
        await RunTimerAsync();
        var waiting = await MessagesForAsync(tenant);
        await host.DrainQueueAsync();

        Assert.Equal(2, waiting);
        Assert.Equal("credited", await StatusAsync(tenant, "order-slow"));
        await AssertCreditedOnceAsync(tenant, memberId);
        Assert.Empty(await IndexRowsAsync(tenant));
    }

    [Fact]
    public async Task A_refund_whose_message_was_lost_is_redriven_and_claws_back_once()
    {
        var (tenant, memberId) = await MemberAsync();
        await SubmitAsync(tenant, memberId, "order-r1");
        await host.DrainQueueAsync();
        var accepted = await LosingAsync(() => Api.RefundAsync(host, tenant, new { refundId = "refund-lost", orderId = "order-r1", amount = 88.80m }));
        var indexed = await IndexRowsAsync(tenant);

        host.Time.Advance(TimeSpan.FromMinutes(6));
        await RunTimerAsync();
        var redriven = await MessagesForAsync(tenant);
        await host.DrainQueueAsync();
        host.Time.Advance(TimeSpan.FromMinutes(30));
        await RunTimerAsync();

        Assert.Equal(202, accepted.Status);
        Assert.EndsWith($"/refund:{tenant.TenantId}:refund-lost", Assert.Single(indexed), StringComparison.Ordinal);
        Assert.Equal(1, redriven);
        Assert.Equal(RefundStatus.Processed, (await RefundRecordAsync(tenant, "refund-lost")).Status);
        Assert.Equal((IReadOnlyList<string>)["earn", "refund"], (await PointsAsync(tenant, memberId)).Entries);
        Assert.Equal(0, (await Api.MemberAsync(host, tenant, memberId)).Json["balance"]!.GetValue<long>());
        Assert.Empty(await IndexRowsAsync(tenant));
        Assert.Equal(0, await MessagesForAsync(tenant));
    }

    [Fact]
    public async Task A_refund_whose_message_was_only_slow_claws_back_once_when_both_messages_arrive()
    {
        var (tenant, memberId) = await MemberAsync();
        await SubmitAsync(tenant, memberId, "order-r2");
        await host.DrainQueueAsync();
        await Api.RefundAsync(host, tenant, new { refundId = "refund-slow", orderId = "order-r2", amount = 44.40m });

        host.Time.Advance(TimeSpan.FromMinutes(6));
        await RunTimerAsync();
        var waiting = await MessagesForAsync(tenant);
        await host.DrainQueueAsync();

        Assert.Equal(2, waiting);
        Assert.Equal(RefundStatus.Processed, (await RefundRecordAsync(tenant, "refund-slow")).Status);
        Assert.Equal((IReadOnlyList<string>)["earn", "refund"], (await PointsAsync(tenant, memberId)).Entries);
        Assert.Equal(88 - 44, (await Api.MemberAsync(host, tenant, memberId)).Json["balance"]!.GetValue<long>());
        Assert.Empty(await IndexRowsAsync(tenant));
    }

    [Fact]
    public async Task An_order_still_queued_after_the_last_redrive_is_marked_failed_with_the_reason_and_leaves_the_index()
    {
        var (tenant, memberId) = await MemberAsync();
        var statuses = await LosingAsync(async () =>
        {
            await SubmitAsync(tenant, memberId, "order-never");
            var seen = new List<string>();
            // Re-drives at 6, 16 and 36 minutes (each wait doubled), all lost too; the look at 76 minutes gives up.
            foreach (var minutes in new[] { 6, 10, 20, 40 })
            {
                host.Time.Advance(TimeSpan.FromMinutes(minutes));
                await RunTimerAsync();
                seen.Add(await StatusAsync(tenant, "order-never"));
            }

            return seen;
        });
        var failed = await Api.PurchaseStatusAsync(host, tenant, "order-never");

        Assert.Equal(["queued", "queued", "queued", "failed"], statuses);
        Assert.StartsWith("Still queued after 3 re-drives of its accrual message over 76 minutes", failed.Json["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await IndexRowsAsync(tenant));
        Assert.Equal(0, (await PointsAsync(tenant, memberId)).Earned);
    }

    [Fact]
    public async Task An_index_row_whose_record_was_never_written_is_dropped()
    {
        var tenant = await host.NewTenantAsync();
        var index = host.Services.GetRequiredService<IQueuedWorkIndex>();
        await index.AddAsync(QueuedWork.Purchase(tenant.TenantId, "order-never-recorded", host.Time.GetUtcNow()), CancellationToken.None);
        await index.AddAsync(QueuedWork.Refund(tenant.TenantId, "refund-never-recorded", host.Time.GetUtcNow()), CancellationToken.None);

        host.Time.Advance(TimeSpan.FromMinutes(6));
        var report = await Redriver.RunAsync(CancellationToken.None);

        Assert.True(report.Cleared >= 2, $"cleared {report.Cleared}");
        Assert.Empty(await IndexRowsAsync(tenant));
        Assert.Equal(0, await MessagesForAsync(tenant));
    }

    [Fact]
    public async Task A_refund_its_order_never_recorded_is_marked_failed_instead_of_redriven()
    {
        var (tenant, memberId) = await MemberAsync();
        await SubmitAsync(tenant, memberId, "order-r3");
        await host.DrainQueueAsync();
        // What a refund request leaves when it stops after saving the refund and before the order counted it.
        var receivedAt = host.Time.GetUtcNow();
        await host.Services.GetRequiredService<IQueuedWorkIndex>().AddAsync(QueuedWork.Refund(tenant.TenantId, "refund-half", receivedAt), CancellationToken.None);
        await host.Services.GetRequiredService<IRefundStore>().AddOrGetAsync(
            new RefundRecord { TenantId = tenant.TenantId, RefundId = "refund-half", OrderId = "order-r3", MemberId = memberId, Fingerprint = "f", Status = RefundStatus.Queued, ReceivedAt = receivedAt, CashRefunded = 88.80m, PointsToClawBack = 88 },
            CancellationToken.None);

        host.Time.Advance(TimeSpan.FromMinutes(6));
        var report = await Redriver.RunAsync(CancellationToken.None);
        var refund = await RefundRecordAsync(tenant, "refund-half");

        Assert.Contains($"refund:{tenant.TenantId}:refund-half", report.Failed);
        Assert.Equal(RefundStatus.Failed, refund.Status);
        Assert.Contains("never accepted", refund.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await MessagesForAsync(tenant));
        Assert.Empty(await IndexRowsAsync(tenant));
        Assert.Equal((IReadOnlyList<string>)["earn"], (await PointsAsync(tenant, memberId)).Entries);
    }
}

/// <summary>A run looks at <c>Redrive__MaxPerRun</c> rows at most; the rest wait for the next run.</summary>
public sealed class RedriveRunBoundTests(SmallRunRedriveHost host) : IClassFixture<SmallRunRedriveHost>
{
    [Fact]
    public async Task A_run_redrives_at_most_max_per_run_and_the_next_run_takes_the_rest_oldest_first()
    {
        var tenant = await host.NewTenantAsync();
        var memberId = await Api.MemberWithPointsAsync(host, tenant, 0);
        host.AccrualQueue.Losing = true;
        foreach (var order in new[] { "order-a", "order-b", "order-c" })
        {
            await host.PurchaseAsync(tenant.Pos, new { orderId = order, memberId, cashPaid = 10m, lines = new[] { new { sku = "tea-1", quantity = 1, unitPrice = 10m } } });
            host.Time.Advance(TimeSpan.FromMinutes(5));
        }

        host.AccrualQueue.Losing = false;
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var redriver = host.Services.GetRequiredService<QueuedWorkRedriver>();
        var first = await redriver.RunAsync(CancellationToken.None);
        await host.DrainQueueAsync();
        var statuses = new List<string>();
        foreach (var order in new[] { "order-a", "order-b", "order-c" })
        {
            statuses.Add((await Api.PurchaseStatusAsync(host, tenant, order)).Json["status"]!.GetValue<string>());
        }

        var second = await redriver.RunAsync(CancellationToken.None);
        await host.DrainQueueAsync();

        Assert.Equal(2, first.Redriven);
        Assert.Equal(["credited", "credited", "queued"], statuses);
        Assert.Equal(1, second.Redriven);
        Assert.Equal("credited", (await Api.PurchaseStatusAsync(host, tenant, "order-c")).Json["status"]!.GetValue<string>());
    }
}
