using Loyalty.Core.Freezes;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;
using Loyalty.Core.Referrals;
using Loyalty.Functions.Members;
using Loyalty.Functions.Purchases;
using Loyalty.Functions.Referrals;
using Loyalty.Functions.Refunds;
using Loyalty.Functions.Tests.Support;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Referrals;

/// <summary>Referral drivers running for real in the in-process Durable host against Azurite, driven through the API and the accrual queue.</summary>
public sealed class ReferralOrchestrationTests(DurableFunctionsHost host) : IClassFixture<DurableFunctionsHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private static ReferralRules Rules(Func<ReferralRules, ReferralRules>? change = null)
    {
        var rules = new ReferralRules { Enabled = true, ReferrerPoints = 100, RefereePoints = 50, MinCashAmount = 50m, TimeoutDays = 30, ReferrerWindowDays = 7 };
        return change is null ? rules : change(rules);
    }

    private async Task<TenantKeys> TenantAsync(ReferralRules referrals, int returnWindowDays = 0)
    {
        var tenant = await host.NewTenantAsync();
        var saved = await host.Get<ProgramService>().SaveAsync(
            tenant.TenantId,
            new ProgramRules { Referrals = referrals, Earning = new EarningRules { ReturnWindowDays = returnWindowDays } },
            null,
            "test",
            CancellationToken.None);
        Assert.True(saved.IsSuccess, saved.Error?.Message);
        return tenant;
    }

    private Task<Response> RegisterAsync(TenantKeys tenant, object body) =>
        CallAsync(Request("POST", "/api/v1/members", body, tenant.Pos), r => host.Function<MemberFunctions>().Register(r, host.Client, CancellationToken.None));

    private async Task<string> CodeOfAsync(TenantKeys tenant, string memberId) =>
        (await host.Get<ReferralCodes>().GetAsync(new MemberKey(tenant.TenantId, memberId), CancellationToken.None))!;

    /// <summary>A registered referrer and a referee registered with the referrer's code (driver started by the registration).</summary>
    private async Task<(string Referrer, string Referee)> PairAsync(TenantKeys tenant, string? referrer = null)
    {
        referrer ??= await MemberAsync(tenant);
        var referee = "b-" + Guid.NewGuid().ToString("N")[..8];
        var registered = await RegisterAsync(tenant, new { memberId = referee, referralCode = await CodeOfAsync(tenant, referrer) });
        Assert.True(registered.Status == 201, registered.Text);
        Assert.Equal(("waiting", referrer), (registered.Json["referral"]!["status"]!.GetValue<string>(), registered.Json["referral"]!["referrerId"]!.GetValue<string>()));
        return (referrer, referee);
    }

    private async Task<string> MemberAsync(TenantKeys tenant, object? extra = null)
    {
        var id = "a-" + Guid.NewGuid().ToString("N")[..8];
        var registered = await RegisterAsync(tenant, extra ?? new { memberId = id });
        Assert.True(registered.Status == 201, registered.Text);
        return registered.Json["memberId"]!.GetValue<string>();
    }

    private async Task<string> BuyAsync(TenantKeys tenant, string memberId, decimal cash, string storeId = "store-1", bool drain = true)
    {
        var orderId = "o-" + Guid.NewGuid().ToString("N")[..10];
        var lines = new[] { new { sku = "tea-1", category = "drinks", quantity = 1, unitPrice = cash } };
        var submitted = await CallAsync(
            Request("POST", "/api/v1/purchases", new { orderId, memberId, storeId, lines, cashPaid = cash, pointsPaid = 0 }, tenant.Pos),
            r => host.Function<PurchaseFunctions>().Submit(r, CancellationToken.None));
        Assert.True(submitted.Status == 202, submitted.Text);
        if (drain)
        {
            await host.DrainQueueAsync();
        }

        return orderId;
    }

    private Task<Referral?> RowAsync(TenantKeys tenant, string refereeId) => host.Get<IReferralStore>().GetAsync(tenant.TenantId, refereeId, CancellationToken.None);

    /// <summary>Waits for the referral's row to satisfy <paramref name="done"/> (the driver acts within seconds of the clock moving).</summary>
    private async Task<Referral> UntilAsync(TenantKeys tenant, string refereeId, Func<Referral, bool> done)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var row = await RowAsync(tenant, refereeId);
            if (row is not null && done(row))
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < until, $"Referral of {refereeId} stayed {row?.Status} (qualified by {row?.QualifyingOrderId}, credited {row?.Credited}).");
            await Task.Delay(100);
        }
    }

    private static bool Final(Referral r) => !r.IsOpen;

    private async Task<IReadOnlyList<LedgerEntry>> ReferralEntriesAsync(TenantKeys tenant, string memberId) =>
        [.. (await host.Get<MemberService>().GetLedgerAsync(new MemberKey(tenant.TenantId, memberId), new LedgerQuery(PageSize: 100), CancellationToken.None)).Value!.Entries
            .Where(e => e.IdempotencyKey?.StartsWith("referral:", StringComparison.Ordinal) == true)];

    private async Task<MemberSummary> SummaryAsync(TenantKeys tenant, string memberId) =>
        (await host.Get<MemberService>().GetAsync(new MemberKey(tenant.TenantId, memberId), CancellationToken.None)).Value!;

    private Task<Response> ListAsync(TenantKeys tenant, string memberId) =>
        CallAsync(Request("GET", $"/api/v1/members/{memberId}/referrals", apiKey: tenant.Storefront), r => host.Function<ReferralFunctions>().List(r, memberId, CancellationToken.None));

    private Task<Response> NameReferrerAsync(TenantKeys tenant, string memberId, string code) =>
        CallAsync(Request("POST", $"/api/v1/members/{memberId}/referrer", new { referralCode = code }, tenant.Pos), r => host.Function<ReferralFunctions>().NameReferrer(r, host.Client, memberId, CancellationToken.None));

    private async Task<OrchestrationMetadata?> InstanceAsync(TenantKeys tenant, string refereeId) =>
        await host.Client.GetInstanceAsync(ReferralDrivers.InstanceId(tenant.TenantId, refereeId), getInputsAndOutputs: false);

    [Fact]
    public async Task The_first_qualifying_purchase_rewards_both_sides_once_and_the_referrer_sees_it()
    {
        var tenant = await TenantAsync(Rules());
        var (a, b) = await PairAsync(tenant);
        Assert.NotNull(await InstanceAsync(tenant, b));

        var order = await BuyAsync(tenant, b, 88.80m);
        var row = await UntilAsync(tenant, b, Final);
        await BuyAsync(tenant, b, 120m);
        await Task.Delay(DurableFunctionsHost.ReferralRecheck * 3);
        var list = await ListAsync(tenant, a);

        Assert.Equal((ReferralStatus.Rewarded, order, 100L, 50L, true), (row.Status, row.QualifyingOrderId, row.ReferrerPoints, row.RefereePoints, row.Credited));
        Assert.Equal([100L], (await ReferralEntriesAsync(tenant, a)).Select(e => e.Delta));
        Assert.Equal([50L], (await ReferralEntriesAsync(tenant, b)).Select(e => e.Delta));
        Assert.Equal(100, (await SummaryAsync(tenant, a)).Available);
        Assert.Equal(200, list.Status);
        Assert.Equal((1, 100L), (list.Json["rewarded"]!.GetValue<int>(), list.Json["pointsEarned"]!.GetValue<long>()));
        var item = Assert.Single(list.Json["referrals"]!.AsArray());
        Assert.Equal((b, "rewarded", 100L), (item!["refereeId"]!.GetValue<string>(), item["status"]!.GetValue<string>(), item["referrerPoints"]!.GetValue<long>()));
    }

    [Fact]
    public async Task A_purchase_below_the_minimum_or_at_another_store_does_not_qualify()
    {
        var tenant = await TenantAsync(Rules(r => r with { EligibleStores = ["store-1"] }));
        var (a, b) = await PairAsync(tenant);

        await BuyAsync(tenant, b, 49.99m);
        await BuyAsync(tenant, b, 500m, storeId: "store-2");
        await Task.Delay(DurableFunctionsHost.ReferralRecheck * 3);
        var row = await RowAsync(tenant, b);
        var instance = await InstanceAsync(tenant, b);

        Assert.Equal((ReferralStatus.Waiting, null), (row!.Status, row.QualifyingOrderId));
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        Assert.Empty(await ReferralEntriesAsync(tenant, a));
        Assert.Empty(await ReferralEntriesAsync(tenant, b));
    }

    [Fact]
    public async Task A_referral_without_a_qualifying_purchase_by_the_deadline_expires_and_a_later_purchase_pays_nothing()
    {
        var tenant = await TenantAsync(Rules(r => r with { TimeoutDays = 3 }));
        var (a, b) = await PairAsync(tenant);

        host.Time.Advance(TimeSpan.FromDays(3).Add(TimeSpan.FromMinutes(1)));
        var row = await UntilAsync(tenant, b, Final);
        await BuyAsync(tenant, b, 100m);
        var completed = await host.WaitAsync(ReferralDrivers.InstanceId(tenant.TenantId, b));

        Assert.Equal((ReferralStatus.Expired, null), (row.Status, row.QualifyingOrderId));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        Assert.Equal(ReferralStatus.Expired, (await RowAsync(tenant, b))!.Status);
        Assert.Empty(await ReferralEntriesAsync(tenant, a));
    }

    [Fact]
    public async Task A_member_cannot_use_their_own_code_and_the_refusal_is_recorded()
    {
        var tenant = await TenantAsync(Rules());
        var a = await MemberAsync(tenant);

        var own = await NameReferrerAsync(tenant, a, await CodeOfAsync(tenant, a));
        var list = await ListAsync(tenant, a);

        Assert.Equal((422, "referralCode", "self-referral"), (own.Status, own.Json["errors"]![0]!["field"]!.GetValue<string>(), own.Json["errors"]![0]!["rule"]!.GetValue<string>()));
        Assert.Null(await RowAsync(tenant, a));
        var item = Assert.Single(list.Json["referrals"]!.AsArray());
        Assert.Equal(("rejected", "self-referral"), (item!["status"]!.GetValue<string>(), item["reason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Members_sharing_a_phone_hash_cannot_refer_each_other()
    {
        var tenant = await TenantAsync(Rules());
        var a = await MemberAsync(tenant, new { memberId = "a-" + Guid.NewGuid().ToString("N")[..8], phone = "13812345678" });
        var store = host.Get<ILedgerStore>();
        var hash = (await store.GetAccountAsync(new MemberKey(tenant.TenantId, a), CancellationToken.None))!.PhoneHash;
        var b = "b-" + Guid.NewGuid().ToString("N")[..8];

        // Two live accounts with one number: what a stale phone claim taken over can leave behind.
        await store.CreateAccountAsync(new MemberAccount { Key = new MemberKey(tenant.TenantId, b), PhoneHash = hash, RegisteredAt = host.Time.GetUtcNow() }, [], [], CancellationToken.None);
        var named = await NameReferrerAsync(tenant, b, await CodeOfAsync(tenant, a));
        var list = await ListAsync(tenant, a);

        Assert.Equal((422, "shared-phone"), (named.Status, named.Json["errors"]![0]!["rule"]!.GetValue<string>()));
        Assert.Null(await RowAsync(tenant, b));
        Assert.Equal("shared-phone", Assert.Single(list.Json["referrals"]!.AsArray())!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_first_code_wins_a_second_is_refused_and_recorded_and_the_same_code_again_is_a_replay()
    {
        var tenant = await TenantAsync(Rules());
        var (a, b) = await PairAsync(tenant);
        var c = await MemberAsync(tenant);

        var second = await NameReferrerAsync(tenant, b, await CodeOfAsync(tenant, c));
        var same = await NameReferrerAsync(tenant, b, (await CodeOfAsync(tenant, a)).ToLowerInvariant());
        var again = await RegisterAsync(tenant, new { memberId = b, referralCode = await CodeOfAsync(tenant, c) });
        var byC = await ListAsync(tenant, c);

        Assert.Equal((409, "already-referred"), (second.Status, second.Json["code"]!.GetValue<string>()));
        Assert.Equal((200, a, "waiting"), (same.Status, same.Json["referrerId"]!.GetValue<string>(), same.Json["status"]!.GetValue<string>()));
        Assert.Equal((200, "rejected", "already-referred"), (again.Status, again.Json["referral"]!["status"]!.GetValue<string>(), again.Json["referral"]!["reason"]!.GetValue<string>()));
        Assert.Equal(a, (await RowAsync(tenant, b))!.ReferrerId);
        Assert.Equal("already-referred", Assert.Single(byC.Json["referrals"]!.AsArray())!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_code_refuses_the_registration_and_a_late_referrer_is_refused()
    {
        var tenant = await TenantAsync(Rules());
        var a = await MemberAsync(tenant);
        var b = await MemberAsync(tenant);

        var unknown = await RegisterAsync(tenant, new { memberId = "c-1", referralCode = "ZZZZZZZZ" });
        host.Time.Advance(TimeSpan.FromDays(8));
        var late = await NameReferrerAsync(tenant, b, await CodeOfAsync(tenant, a));

        Assert.Equal((422, "referralCode", "referral-code-unknown"), (unknown.Status, unknown.Json["errors"]![0]!["field"]!.GetValue<string>(), unknown.Json["errors"]![0]!["rule"]!.GetValue<string>()));
        Assert.False((await host.Get<MemberService>().GetAsync(new MemberKey(tenant.TenantId, "c-1"), CancellationToken.None)).IsSuccess);
        Assert.Equal((422, "referrer-window-closed"), (late.Status, late.Json["code"]!.GetValue<string>()));
        Assert.Null(await RowAsync(tenant, b));
    }

    [Fact]
    public async Task The_monthly_cap_rejects_the_referral_past_it_with_its_reason()
    {
        var tenant = await TenantAsync(Rules(r => r with { MaxRewardsPerMonth = 1 }));
        var (a, b) = await PairAsync(tenant);
        var (_, c) = await PairAsync(tenant, a);

        await BuyAsync(tenant, b, 60m);
        var first = await UntilAsync(tenant, b, Final);
        await BuyAsync(tenant, c, 60m);
        var second = await UntilAsync(tenant, c, Final);

        Assert.Equal(ReferralStatus.Rewarded, first.Status);
        Assert.Equal((ReferralStatus.Rejected, "monthly-cap", 0L), (second.Status, second.Reason, second.ReferrerPoints));
        Assert.Equal([100L], (await ReferralEntriesAsync(tenant, a)).Select(e => e.Delta));
        Assert.Empty(await ReferralEntriesAsync(tenant, c));
    }

    [Fact]
    public async Task The_lifetime_cap_rejects_the_referral_past_it_even_in_a_later_month()
    {
        var tenant = await TenantAsync(Rules(r => r with { MaxRewardsLifetime = 1, TimeoutDays = 90 }));
        var (a, b) = await PairAsync(tenant);
        var (_, c) = await PairAsync(tenant, a);

        await BuyAsync(tenant, b, 60m);
        await UntilAsync(tenant, b, Final);
        host.Time.Advance(TimeSpan.FromDays(40));
        await BuyAsync(tenant, c, 60m);
        var second = await UntilAsync(tenant, c, Final);
        var list = await ListAsync(tenant, a);

        Assert.Equal((ReferralStatus.Rejected, "lifetime-cap"), (second.Status, second.Reason));
        Assert.Equal([100L], (await ReferralEntriesAsync(tenant, a)).Select(e => e.Delta));
        Assert.Equal((1, 2), (list.Json["rewarded"]!.GetValue<int>(), list.Json["referrals"]!.AsArray().Count));
    }

    [Fact]
    public async Task A_frozen_referrer_earns_nothing_usable_until_unfrozen()
    {
        var tenant = await TenantAsync(Rules());
        var (a, b) = await PairAsync(tenant);
        var freezes = host.Get<FreezeService>();
        Assert.True((await freezes.FreezeAsync(new MemberKey(tenant.TenantId, a), new FreezeRequest("investigation", null), "freeze-a", "test", CancellationToken.None)).IsSuccess);

        await BuyAsync(tenant, b, 60m);
        await UntilAsync(tenant, b, Final);
        var frozen = await SummaryAsync(tenant, a);
        Assert.True((await freezes.UnfreezeAsync(new MemberKey(tenant.TenantId, a), new FreezeRequest("cleared", null), "unfreeze-a", "test", CancellationToken.None)).IsSuccess);
        var unfrozen = await SummaryAsync(tenant, a);

        Assert.Equal((0L, 100L), (frozen.Available, frozen.Pending));
        Assert.Equal((100L, 0L), (unfrozen.Available, unfrozen.Pending));
    }

    [Fact]
    public async Task A_duplicate_event_and_a_redelivered_purchase_reward_nothing_twice()
    {
        var tenant = await TenantAsync(Rules());
        var (a, b) = await PairAsync(tenant);
        var order = await BuyAsync(tenant, b, 60m);
        await UntilAsync(tenant, b, Final);

        var instanceId = ReferralDrivers.InstanceId(tenant.TenantId, b);
        await host.Client.RaiseEventAsync(instanceId, ReferralOrchestrator.QualifiedEvent, b);
        await host.Client.RaiseEventAsync(instanceId, ReferralOrchestrator.QualifiedEvent, b);
        var message = System.Text.Json.JsonSerializer.Serialize(new AccrualMessage(tenant.TenantId, order), Core.Common.LoyaltyJson.Options);
        await host.Function<PurchaseFunctions>().Process(message, host.Client, CancellationToken.None);
        await host.WaitAsync(instanceId);
        await Task.Delay(DurableFunctionsHost.ReferralRecheck * 3);

        Assert.Equal([100L], (await ReferralEntriesAsync(tenant, a)).Select(e => e.Delta));
        Assert.Equal([50L], (await ReferralEntriesAsync(tenant, b)).Select(e => e.Delta));
        Assert.Equal(ReferralStatus.Rewarded, (await RowAsync(tenant, b))!.Status);
    }

    [Fact]
    public async Task A_purchase_recorded_before_the_driver_waits_is_found_on_the_row()
    {
        var tenant = await TenantAsync(Rules());
        var a = await MemberAsync(tenant);
        var b = "b-" + Guid.NewGuid().ToString("N")[..8];

        // Registered through the use case alone: no driver yet. The purchase is credited and noted on the row, no event raised.
        var registered = await host.Get<MemberService>().RegisterAsync(tenant.TenantId, new RegisterMember(b, null, null) { ReferralCode = await CodeOfAsync(tenant, a) }, CancellationToken.None);
        Assert.Equal(ReferralStatus.Waiting, registered.Value.Member.Referral!.Status);
        var order = await BuyAsync(tenant, b, 60m, drain: false);
        var record = await host.Get<PurchaseService>().ProcessAsync(new AccrualMessage(tenant.TenantId, order), CancellationToken.None);
        Assert.Equal(order, (await host.Get<ReferralDriver>().RecordPurchaseAsync(record!, CancellationToken.None))!.QualifyingOrderId);
        Assert.Null(await InstanceAsync(tenant, b));

        Assert.True(await ReferralDrivers.EnsureRunningAsync(host.Client, tenant.TenantId, b, CancellationToken.None));
        var row = await UntilAsync(tenant, b, Final);

        Assert.Equal((ReferralStatus.Rewarded, order), (row.Status, row.QualifyingOrderId));
        Assert.Equal([100L], (await ReferralEntriesAsync(tenant, a)).Select(e => e.Delta));
    }

    [Fact]
    public async Task A_qualifying_purchase_with_no_driver_running_starts_one()
    {
        var tenant = await TenantAsync(Rules());
        var a = await MemberAsync(tenant);
        var b = "b-" + Guid.NewGuid().ToString("N")[..8];
        await host.Get<MemberService>().RegisterAsync(tenant.TenantId, new RegisterMember(b, null, null) { ReferralCode = await CodeOfAsync(tenant, a) }, CancellationToken.None);

        await BuyAsync(tenant, b, 60m);
        var row = await UntilAsync(tenant, b, Final);

        Assert.Equal(ReferralStatus.Rewarded, row.Status);
        Assert.Equal([100L], (await ReferralEntriesAsync(tenant, a)).Select(e => e.Delta));
    }

    [Fact]
    public async Task The_reward_waits_for_the_return_window_and_a_refund_inside_it_cancels_the_reward()
    {
        var tenant = await TenantAsync(Rules(), returnWindowDays: 7);
        var (a, b) = await PairAsync(tenant);
        var (_, c) = await PairAsync(tenant, a);

        var refunded = await BuyAsync(tenant, b, 60m);
        await BuyAsync(tenant, c, 60m);
        await UntilAsync(tenant, b, r => r.QualifyingOrderId is not null);
        await Task.Delay(DurableFunctionsHost.ReferralRecheck * 3);
        var waiting = await RowAsync(tenant, c);
        var refund = await CallAsync(
            Request("POST", "/api/v1/refunds", new { refundId = "r-" + refunded, orderId = refunded }, tenant.Pos),
            r => host.Function<RefundFunctions>().Submit(r, CancellationToken.None));
        Assert.True(refund.Status is 200 or 202, refund.Text);
        await host.DrainQueueAsync();
        host.Time.Advance(TimeSpan.FromDays(7).Add(TimeSpan.FromMinutes(1)));
        var cancelled = await UntilAsync(tenant, b, Final);
        var rewarded = await UntilAsync(tenant, c, Final);

        Assert.Equal((ReferralStatus.Waiting, false), (waiting!.Status, waiting.QualifyingOrderId is null));
        Assert.Equal((ReferralStatus.Rejected, "order-refunded"), (cancelled.Status, cancelled.Reason));
        Assert.Equal(ReferralStatus.Rewarded, rewarded.Status);
        Assert.Equal([100L], (await ReferralEntriesAsync(tenant, a)).Select(e => e.Delta));
        Assert.Empty(await ReferralEntriesAsync(tenant, b));
    }

    [Fact]
    public async Task The_referees_part_can_be_paid_at_sign_up_and_is_not_paid_again_with_the_reward()
    {
        var tenant = await TenantAsync(Rules(r => r with { RefereePointsAtSignUp = true }));
        var (a, b) = await PairAsync(tenant);
        var signedUp = await ReferralEntriesAsync(tenant, b);

        await BuyAsync(tenant, b, 60m);
        var row = await UntilAsync(tenant, b, Final);

        Assert.Equal([50L], signedUp.Select(e => e.Delta));
        Assert.Equal((ReferralStatus.Rewarded, 50L), (row.Status, row.RefereePoints));
        Assert.Equal([50L], (await ReferralEntriesAsync(tenant, b)).Select(e => e.Delta));
        Assert.Equal([100L], (await ReferralEntriesAsync(tenant, a)).Select(e => e.Delta));
    }

    [Fact]
    public async Task The_reward_counts_toward_the_tier_only_when_the_program_says_so()
    {
        var counted = await TenantAsync(Rules(r => r with { CountsTowardTier = true }));
        var notCounted = await TenantAsync(Rules());
        var results = new List<decimal>();
        foreach (var tenant in new[] { counted, notCounted })
        {
            var (a, b) = await PairAsync(tenant);
            await BuyAsync(tenant, b, 60m);
            await UntilAsync(tenant, b, Final);
            var program = await host.Get<ProgramService>().GetAsync(tenant.TenantId, CancellationToken.None);
            var account = await host.Get<ILedgerStore>().GetAccountAsync(new MemberKey(tenant.TenantId, a), CancellationToken.None);
            results.Add(TierEngine.QualifyingValue(account!, program.Rules.Tiers, host.Time.GetUtcNow(), program.Rules.Zone()));
        }

        Assert.Equal([100m, 0m], results);
    }

    [Fact]
    public async Task The_timer_restarts_the_driver_of_a_waiting_referral_after_durable_state_was_lost()
    {
        var tenant = await TenantAsync(Rules());
        var (a, b) = await PairAsync(tenant);
        var instanceId = ReferralDrivers.InstanceId(tenant.TenantId, b);

        // The task hub forgets the driver (as a dev host restart does); the purchase is noted on the row with no one to tell.
        await host.Client.TerminateInstanceAsync(instanceId);
        await host.WaitAsync(instanceId);
        await host.Client.PurgeInstanceAsync(instanceId);
        var order = await BuyAsync(tenant, b, 60m, drain: false);
        var record = await host.Get<PurchaseService>().ProcessAsync(new AccrualMessage(tenant.TenantId, order), CancellationToken.None);
        await host.Get<ReferralDriver>().RecordPurchaseAsync(record!, CancellationToken.None);
        await Task.Delay(DurableFunctionsHost.ReferralRecheck * 2);
        var before = await RowAsync(tenant, b);

        await host.Function<ReferralFunctions>().Restart(new TimerInfo(), host.Client, CancellationToken.None);
        var row = await UntilAsync(tenant, b, Final);

        Assert.Equal((ReferralStatus.Waiting, order), (before!.Status, before.QualifyingOrderId));
        Assert.Equal(ReferralStatus.Rewarded, row.Status);
        Assert.Equal([100L], (await ReferralEntriesAsync(tenant, a)).Select(e => e.Delta));
        Assert.DoesNotContain(b, await host.Get<IReferralStore>().ListOpenAsync(tenant.TenantId, CancellationToken.None));
    }
}
