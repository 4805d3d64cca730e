using Loyalty.Core.Events;
using Loyalty.Core.Ledger;
using Loyalty.Core.Redemptions;
using Loyalty.Functions.Redemptions;
using Loyalty.Functions.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Loyalty.Functions.Tests.Redemptions;

/// <summary>The redemption orchestration running for real in the in-process Durable host, against Azurite.</summary>
public sealed class RedemptionOrchestrationTests(DurableFunctionsHost host) : IClassFixture<DurableFunctionsHost>
{
    private readonly RedemptionDriver _driver = new(host);

    private static string Step(Response view, string step) => view.Json["steps"]![step]!["state"]!.GetValue<string>();

    [Fact]
    public async Task A_coupon_redemption_reserves_debits_issues_a_coupon_and_notifies()
    {
        var tenant = await host.NewTenantAsync();
        var member = await _driver.NewMemberAsync(tenant.TenantId, 500);
        var giftId = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Coupon(price: 120), stock: 3);

        var view = await _driver.RedeemAndWaitAsync(tenant.Storefront, new { memberId = member.MemberId, giftId }, "happy-1");

        Assert.Equal("completed", view.Json["status"]!.GetValue<string>());
        Assert.Equal("Completed", view.Json["runtimeStatus"]!.GetValue<string>());
        Assert.All([RedemptionSteps.Reserve, RedemptionSteps.Debit, RedemptionSteps.Fulfil, RedemptionSteps.Notify], s => Assert.Equal("done", Step(view, s)));
        Assert.Matches("^[A-Z2-9]{12}$", view.Json["fulfilment"]!["code"]!.GetValue<string>());
        Assert.NotNull(view.Json["fulfilment"]!["validUntil"]);
        Assert.Equal(380, (await _driver.MemberAsync(member)).Available);
        Assert.Equal(2, await _driver.StockAsync(tenant.TenantId, giftId));
        var debit = Assert.Single(await _driver.EntriesAsync(member), e => e.Type == LedgerEntryType.Spend);
        Assert.Equal(-120, debit.Delta);
        Assert.Equal(view.Json["redemptionId"]!.GetValue<string>(), debit.Reference);
        var notification = Assert.Single(await host.Get<INotificationOutbox>().ListAsync(tenant.TenantId, member.MemberId, CancellationToken.None));
        Assert.Equal(view.Json["fulfilment"]!["code"]!.GetValue<string>(), notification.Data["code"]);
    }

    [Fact]
    public async Task Each_status_a_redemption_reaches_is_one_event_beside_the_points_spent()
    {
        var tenant = await host.NewTenantAsync();
        var member = await _driver.NewMemberAsync(tenant.TenantId, 500);
        var giftId = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Coupon(price: 120), stock: 3);

        var view = await _driver.RedeemAndWaitAsync(tenant.Storefront, new { memberId = member.MemberId, giftId }, "events-1");
        host.Time.Advance(TimeSpan.FromSeconds(10));

        var redemptionId = view.Json["redemptionId"]!.GetValue<string>();
        var feed = await host.Get<IEventFeed>().ReadAsync(tenant.TenantId, null, 100, CancellationToken.None);
        var ofRedemption = feed.Events.Where(e => e.Reference == redemptionId).ToList();
        Assert.Equal(["redemption.accepted", "redemption.processing", "points.spent", "redemption.completed"], ofRedemption.Select(e => e.Type));
        Assert.All(ofRedemption, e => Assert.Equal(member.MemberId, e.MemberId));
        Assert.Equal(giftId, ofRedemption[^1].Details!["giftId"]);
    }

    [Fact]
    public async Task Virtual_gifts_issue_distinct_codes_from_the_merchants_pool()
    {
        var tenant = await host.NewTenantAsync();
        var member = await _driver.NewMemberAsync(tenant.TenantId, 1000);
        var giftId = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Virtual(), stock: 0);
        var loaded = await host.Get<Core.Gifts.GiftService>().LoadCodesAsync(tenant.TenantId, giftId, ["CODE-AAAA", "CODE-BBBB"], "load-1", CancellationToken.None);
        Assert.Equal(2, loaded.Value.Gift.Stock);

        var first = await _driver.RedeemAndWaitAsync(tenant.Pos, new { memberId = member.MemberId, giftId }, "v-1");
        var second = await _driver.RedeemAndWaitAsync(tenant.Pos, new { memberId = member.MemberId, giftId }, "v-2");

        var codes = new[] { first, second }.Select(v => v.Json["fulfilment"]!["code"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["CODE-AAAA", "CODE-BBBB"], codes);
        Assert.Equal(0, await _driver.StockAsync(tenant.TenantId, giftId));
    }

    [Fact]
    public async Task Out_of_stock_at_the_reserve_step_fails_without_touching_points()
    {
        var tenant = await host.NewTenantAsync();
        var member = await _driver.NewMemberAsync(tenant.TenantId, 500);
        var giftId = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Coupon(), stock: 0);

        var id = await _driver.StartDirectlyAsync(member, giftId);
        var instance = await host.WaitAsync(id);
        var record = await _driver.RecordAsync(tenant.TenantId, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal(RedemptionStatus.Failed, record.Status);
        Assert.Equal("out-of-stock", record.FailureCode);
        Assert.Equal(StepState.Failed, record.Steps[RedemptionSteps.Reserve].State);
        Assert.False(record.Steps.ContainsKey(RedemptionSteps.Debit));
        Assert.Equal(500, (await _driver.MemberAsync(member)).Available);
    }

    [Fact]
    public async Task Insufficient_points_at_the_debit_step_gives_the_stock_back()
    {
        var tenant = await host.NewTenantAsync();
        var member = await _driver.NewMemberAsync(tenant.TenantId, 50);
        var giftId = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Coupon(price: 100), stock: 1);

        var id = await _driver.StartDirectlyAsync(member, giftId);
        await host.WaitAsync(id);
        var record = await _driver.RecordAsync(tenant.TenantId, id);

        Assert.Equal(RedemptionStatus.Failed, record.Status);
        Assert.Equal("insufficient-points", record.FailureCode);
        Assert.Equal(StepState.Done, record.Steps[RedemptionSteps.Reserve].State);
        Assert.Equal(StepState.Failed, record.Steps[RedemptionSteps.Debit].State);
        Assert.Equal(StepState.Done, record.Steps[RedemptionSteps.Release].State);
        Assert.False(record.Steps.ContainsKey(RedemptionSteps.Refund));
        Assert.Equal(1, await _driver.StockAsync(tenant.TenantId, giftId));
        Assert.Equal(50, (await _driver.MemberAsync(member)).Available);
    }

    [Fact]
    public async Task A_fulfilment_failure_refunds_the_points_into_their_original_lots_and_returns_the_stock()
    {
        var tenant = await host.NewTenantAsync();
        var member = await _driver.NewMemberAsync(tenant.TenantId, 300);
        var lotsBefore = (await host.Get<Core.Members.MemberService>().GetLotsAsync(member, CancellationToken.None)).Value!;
        // Stock without codes: the pool is empty when the fulfil step asks for one.
        var giftId = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Virtual(price: 200), stock: 1);

        var view = await _driver.RedeemAndWaitAsync(tenant.Pos, new { memberId = member.MemberId, giftId }, "fail-1");

        Assert.Equal("failed", view.Json["status"]!.GetValue<string>());
        Assert.Equal("code-pool-empty", view.Json["failureCode"]!.GetValue<string>());
        Assert.Equal("failed", Step(view, RedemptionSteps.Fulfil));
        Assert.Equal("done", Step(view, RedemptionSteps.Refund));
        Assert.Equal("done", Step(view, RedemptionSteps.Release));
        Assert.Equal(1, await _driver.StockAsync(tenant.TenantId, giftId));
        var summary = await _driver.MemberAsync(member);
        Assert.Equal(300, summary.Available);
        Assert.Equal(0, summary.LifetimeSpent);
        var lotsAfter = (await host.Get<Core.Members.MemberService>().GetLotsAsync(member, CancellationToken.None)).Value!;
        Assert.Equal(lotsBefore.Select(l => (l.ExpiresAt, l.Remaining)), lotsAfter.Select(l => (l.ExpiresAt, l.Remaining)));
        var entries = await _driver.EntriesAsync(member);
        var debit = Assert.Single(entries, e => e.Type == LedgerEntryType.Spend);
        var refund = Assert.Single(entries, e => e.Type == LedgerEntryType.Restore);
        Assert.Equal(200, refund.Delta);
        Assert.Equal(debit.EntryId, refund.Details["debitEntryId"]);
        Assert.Equal(view.Json["refundEntryId"]!.GetValue<string>(), refund.EntryId);
    }

    [Fact]
    public async Task A_duplicate_start_returns_the_same_redemption_and_takes_stock_and_points_once()
    {
        var tenant = await host.NewTenantAsync();
        var member = await _driver.NewMemberAsync(tenant.TenantId, 500);
        var giftId = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Coupon(price: 100), stock: 5);
        var body = new { memberId = member.MemberId, giftId };

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _driver.RedeemAsync(tenant.Pos, body, "dup-1")));
        var id = responses[0].Json["redemptionId"]!.GetValue<string>();
        await host.WaitAsync(id);
        var again = await _driver.RedeemAsync(tenant.Pos, body, "dup-1");
        var finished = await _driver.GetAsync(tenant.Pos, id);

        Assert.All(responses, r => Assert.Equal(id, r.Json["redemptionId"]!.GetValue<string>()));
        Assert.Contains(responses, r => r.Status == 202);
        Assert.Equal(200, again.Status);
        Assert.Equal("completed", finished.Json["status"]!.GetValue<string>());
        Assert.Equal(4, await _driver.StockAsync(tenant.TenantId, giftId));
        Assert.Equal(400, (await _driver.MemberAsync(member)).Available);
        Assert.Single(await _driver.EntriesAsync(member), e => e.Type == LedgerEntryType.Spend);
    }

    [Fact]
    public async Task Replaying_the_orchestration_of_a_finished_redemption_changes_nothing()
    {
        var tenant = await host.NewTenantAsync();
        var member = await _driver.NewMemberAsync(tenant.TenantId, 500);
        var giftId = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Coupon(price: 100), stock: 5);
        var view = await _driver.RedeemAndWaitAsync(tenant.Pos, new { memberId = member.MemberId, giftId }, "replay-1");
        var id = view.Json["redemptionId"]!.GetValue<string>();

        // Same input under another instance id: every step must see the work already done.
        var replay = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RedemptionOrchestrator), DurableFunctionsHost.Input(tenant.TenantId, id, member.MemberId, giftId));
        var replayed = await host.WaitAsync(replay);

        Assert.Equal(RedemptionStatus.Completed, replayed.ReadOutputAs<RedemptionStatus>());
        Assert.Equal(4, await _driver.StockAsync(tenant.TenantId, giftId));
        Assert.Equal(400, (await _driver.MemberAsync(member)).Available);
        Assert.Equal(RedemptionStatus.Completed, (await _driver.RecordAsync(tenant.TenantId, id)).Status);
    }

    [Fact]
    public async Task Each_activity_run_twice_does_its_work_once()
    {
        var tenant = await host.NewTenantAsync();
        var member = await _driver.NewMemberAsync(tenant.TenantId, 500);
        var giftId = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Virtual(price: 100), stock: 0);
        await host.Get<Core.Gifts.GiftService>().LoadCodesAsync(tenant.TenantId, giftId, ["ONE-CODE", "TWO-CODE"], "load", CancellationToken.None);
        var id = RedemptionIds.For(tenant.TenantId, "twice");
        var now = DateTimeOffset.UtcNow;
        await host.Get<IRedemptionStore>().AddOrGetAsync(new RedemptionRecord
        {
            TenantId = tenant.TenantId, RedemptionId = id, MemberId = member.MemberId, GiftId = giftId, Kind = Core.Gifts.GiftKind.Virtual,
            GiftName = "x", Points = 100, Status = RedemptionStatus.Accepted, Fingerprint = "f", CreatedAt = now, UpdatedAt = now,
        }, CancellationToken.None);
        var input = DurableFunctionsHost.Input(tenant.TenantId, id, member.MemberId, giftId);
        var workflow = host.Get<RedemptionWorkflow>();

        for (var i = 0; i < 2; i++)
        {
            Assert.True((await workflow.ReserveAsync(input, CancellationToken.None)).Succeeded);
            Assert.True((await workflow.DebitAsync(new DebitRequest(input, 100), CancellationToken.None)).Succeeded);
            Assert.True((await workflow.FulfilAsync(input, CancellationToken.None)).Succeeded);
        }

        var code = (await _driver.RecordAsync(tenant.TenantId, id)).Fulfilment!.Code;
        for (var i = 0; i < 2; i++)
        {
            await workflow.RefundAsync(input, CancellationToken.None);
            await workflow.ReleaseAsync(input, CancellationToken.None);
        }

        Assert.Equal(2, await _driver.StockAsync(tenant.TenantId, giftId));
        Assert.Equal(500, (await _driver.MemberAsync(member)).Available);
        Assert.Single(await _driver.EntriesAsync(member), e => e.Type == LedgerEntryType.Spend);
        Assert.Single(await _driver.EntriesAsync(member), e => e.Type == LedgerEntryType.Restore);
        Assert.Equal(code, await host.Get<Core.Gifts.IGiftCodePool>().ClaimAsync(tenant.TenantId, giftId, id, CancellationToken.None));
    }

    [Fact]
    public async Task A_per_member_limit_stops_the_next_redemption_at_the_reserve_step()
    {
        var tenant = await host.NewTenantAsync();
        var member = await _driver.NewMemberAsync(tenant.TenantId, 1000);
        var giftId = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Coupon(price: 10) with { PerMemberLimit = 1 }, stock: 10);

        var first = await _driver.RedeemAndWaitAsync(tenant.Pos, new { memberId = member.MemberId, giftId }, "limit-1");
        var second = await _driver.RedeemAndWaitAsync(tenant.Pos, new { memberId = member.MemberId, giftId }, "limit-2");

        Assert.Equal("completed", first.Json["status"]!.GetValue<string>());
        Assert.Equal("failed", second.Json["status"]!.GetValue<string>());
        Assert.Equal("member-limit-reached", second.Json["failureCode"]!.GetValue<string>());
        Assert.Equal(990, (await _driver.MemberAsync(member)).Available);
    }

    [Fact]
    public async Task Twenty_concurrent_redemptions_of_the_last_unit_let_exactly_one_complete()
    {
        var tenant = await host.NewTenantAsync();
        var giftId = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Coupon(price: 10), stock: 1);
        var members = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _driver.NewMemberAsync(tenant.TenantId, 100)));

        var ids = await Task.WhenAll(members.Select(m => _driver.StartDirectlyAsync(m, giftId)));
        await Task.WhenAll(ids.Select(id => host.WaitAsync(id, TimeSpan.FromMinutes(2))));
        var records = await Task.WhenAll(ids.Select(id => _driver.RecordAsync(tenant.TenantId, id)));

        Assert.Single(records, r => r.Status == RedemptionStatus.Completed);
        Assert.All(records.Where(r => r.Status != RedemptionStatus.Completed), r => Assert.Equal("out-of-stock", r.FailureCode));
        Assert.Equal(0, await _driver.StockAsync(tenant.TenantId, giftId));
        var available = await Task.WhenAll(members.Select(async m => (await _driver.MemberAsync(m)).Available));
        Assert.Equal((19 * 100) + 90, available.Sum());
    }
}
