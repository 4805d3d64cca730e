using Loyalty.Core.Gifts;
using Loyalty.Core.Redemptions;
using Loyalty.Functions.Tests.Support;

namespace Loyalty.Functions.Tests.Redemptions;

/// <summary>The redemption endpoints' answers to bad input and to rules the API checks before starting anything.</summary>
public sealed class RedemptionFunctionsTests(DurableFunctionsHost host) : IClassFixture<DurableFunctionsHost>
{
    private readonly RedemptionDriver _driver = new(host);

    [Fact]
    public async Task Malformed_requests_are_400_and_invalid_fields_422()
    {
        var tenant = await host.NewTenantAsync();
        var member = await _driver.NewMemberAsync(tenant.TenantId, 100);
        var giftId = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Coupon(), stock: 1);

        var noKey = await FunctionsHost.CallAsync(
            FunctionsHost.Request("POST", "/api/v1/redemptions", new { memberId = member.MemberId, giftId }, tenant.Pos),
            r => host.Function<Functions.Redemptions.RedemptionFunctions>().Start(r, host.Client, CancellationToken.None));
        var notJson = await _driver.RedeemAsync(tenant.Pos, "{\"memberId\":", "k-1");
        var unknownField = await _driver.RedeemAsync(tenant.Pos, new { memberId = member.MemberId, giftId, quantity = 2 }, "k-2");
        var missing = await _driver.RedeemAsync(tenant.Pos, new { memberId = "has space" }, "k-3");
        var shipToForCoupon = await _driver.RedeemAsync(tenant.Pos, new { memberId = member.MemberId, giftId, shipTo = new { name = "a", phone = "13812345678", address = "b" } }, "k-4");

        Assert.Equal(400, noKey.Status);
        Assert.Equal("idempotency-key-required", noKey.Code);
        Assert.Equal(400, notJson.Status);
        Assert.Equal(400, unknownField.Status);
        Assert.Equal(422, missing.Status);
        Assert.Equal(["memberId", "giftId"], missing.Json["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
        Assert.Equal(422, shipToForCoupon.Status);
        Assert.Equal(1, await _driver.StockAsync(tenant.TenantId, giftId));
    }

    [Fact]
    public async Task Unknown_members_gifts_and_redemptions_are_404_and_tenants_never_see_each_others()
    {
        var tenant = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var member = await _driver.NewMemberAsync(tenant.TenantId, 500);
        var giftId = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Coupon(), stock: 1);
        var done = await _driver.RedeemAndWaitAsync(tenant.Pos, new { memberId = member.MemberId, giftId }, "iso-1");
        var id = done.Json["redemptionId"]!.GetValue<string>();

        var unknownGift = await _driver.RedeemAsync(tenant.Pos, new { memberId = member.MemberId, giftId = "nope" }, "k-1");
        var unknownMember = await _driver.RedeemAsync(tenant.Pos, new { memberId = "nobody", giftId }, "k-2");
        var otherTenantsGift = await _driver.RedeemAsync(other.Pos, new { memberId = member.MemberId, giftId }, "iso-1");
        var readByOther = await _driver.GetAsync(other.Pos, id);
        var malformedId = await _driver.GetAsync(tenant.Pos, "../../x");
        var unknownId = await _driver.GetAsync(tenant.Pos, "r0000000000000000000000000000000");

        Assert.Equal(404, unknownGift.Status);
        Assert.Equal("gift-not-found", unknownGift.Code);
        Assert.Equal(404, unknownMember.Status);
        Assert.Equal("member-not-found", unknownMember.Code);
        Assert.Equal(404, otherTenantsGift.Status);
        Assert.Equal(404, readByOther.Status);
        Assert.Equal(404, malformedId.Status);
        Assert.Equal(404, unknownId.Status);
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_a_different_redemption_is_a_conflict()
    {
        var tenant = await host.NewTenantAsync();
        var member = await _driver.NewMemberAsync(tenant.TenantId, 500);
        var giftA = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Coupon(), stock: 5);
        var giftB = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Coupon(), stock: 5);
        var first = await _driver.RedeemAsync(tenant.Pos, new { memberId = member.MemberId, giftId = giftA }, "same-key");

        var reused = await _driver.RedeemAsync(tenant.Pos, new { memberId = member.MemberId, giftId = giftB }, "same-key");
        await host.WaitAsync(first.Json["redemptionId"]!.GetValue<string>());

        Assert.Equal(409, reused.Status);
        Assert.Equal("idempotency-key-reused", reused.Code);
        Assert.Equal(5, await _driver.StockAsync(tenant.TenantId, giftB));
    }

    [Fact]
    public async Task Rules_known_up_front_are_422_before_anything_starts()
    {
        var tenant = await host.NewTenantAsync();
        var poor = await _driver.NewMemberAsync(tenant.TenantId, 10);
        var rich = await _driver.NewMemberAsync(tenant.TenantId, 1000);
        var soldOut = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Coupon(), stock: 0);
        var coupon = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Coupon(price: 100), stock: 1);
        var physical = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Physical(), stock: 1);

        var outOfStock = await _driver.RedeemAsync(tenant.Pos, new { memberId = rich.MemberId, giftId = soldOut }, "k-1");
        var insufficient = await _driver.RedeemAsync(tenant.Pos, new { memberId = poor.MemberId, giftId = coupon }, "k-2");
        var noAddress = await _driver.RedeemAsync(tenant.Pos, new { memberId = rich.MemberId, giftId = physical }, "k-3");
        var badAddress = await _driver.RedeemAsync(tenant.Pos, new { memberId = rich.MemberId, giftId = physical, shipTo = new { name = "", phone = "123", address = "" } }, "k-4");

        Assert.Equal("out-of-stock", outOfStock.Code);
        Assert.Equal("insufficient-points", insufficient.Code);
        Assert.Equal(422, noAddress.Status);
        Assert.Equal(["shipTo.name", "shipTo.phone", "shipTo.address"], badAddress.Json["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
        Assert.Equal(1, await _driver.StockAsync(tenant.TenantId, coupon));
    }

    [Fact]
    public async Task Diamond_members_redeem_early_and_tier_exclusive_gifts_refuse_other_tiers()
    {
        var tenant = await host.NewTenantAsync();
        var normal = await _driver.NewMemberAsync(tenant.TenantId, 1000);
        var diamond = await _driver.NewMemberAsync(tenant.TenantId, 1000, "diamond");
        var gold = await _driver.NewMemberAsync(tenant.TenantId, 1000, "gold");
        var now = host.Time.GetUtcNow();
        var early = await _driver.NewGiftAsync(
            tenant.TenantId,
            RedemptionDriver.Coupon(price: 10) with { OpensAt = now.AddDays(1), EarlyAccess = [new TierOpening("diamond", now.AddHours(-1))] },
            stock: 5);
        var exclusive = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Coupon(price: 10) with { EligibleTiers = ["gold", "diamond"] }, stock: 5);

        var normalEarly = await _driver.RedeemAsync(tenant.Pos, new { memberId = normal.MemberId, giftId = early }, "e-1");
        var diamondEarly = await _driver.RedeemAndWaitAsync(tenant.Pos, new { memberId = diamond.MemberId, giftId = early }, "e-2");
        var normalExclusive = await _driver.RedeemAsync(tenant.Pos, new { memberId = normal.MemberId, giftId = exclusive }, "e-3");
        var goldExclusive = await _driver.RedeemAndWaitAsync(tenant.Pos, new { memberId = gold.MemberId, giftId = exclusive }, "e-4");

        Assert.Equal(422, normalEarly.Status);
        Assert.Equal("gift-not-open-yet", normalEarly.Code);
        Assert.Equal("completed", diamondEarly.Json["status"]!.GetValue<string>());
        Assert.Equal("tier-not-eligible", normalExclusive.Code);
        Assert.Equal("completed", goldExclusive.Json["status"]!.GetValue<string>());
    }
    [Fact]
    public async Task A_frozen_member_is_refused_a_redemption_up_front_and_by_the_debit_step_and_nothing_changes()
    {
        var tenant = await host.NewTenantAsync();
        var member = await _driver.NewMemberAsync(tenant.TenantId, 500);
        var giftId = await _driver.NewGiftAsync(tenant.TenantId, RedemptionDriver.Coupon(price: 100), stock: 2);
        var frozen = await FunctionsHost.CallAsync(
            FunctionsHost.Request("POST", $"/api/v1/members/{member.MemberId}/freeze", new { reason = "fraud investigation" }, tenant.Admin, new Dictionary<string, string> { ["Idempotency-Key"] = "f-1" }),
            r => host.Function<Functions.Freezes.FreezeFunctions>().Freeze(r, member.MemberId, CancellationToken.None));
        var entriesBefore = (await _driver.EntriesAsync(member)).Count;

        var refused = await _driver.RedeemAsync(tenant.Pos, new { memberId = member.MemberId, giftId }, "r-1");
        var notRecorded = await _driver.GetAsync(tenant.Pos, RedemptionIds.For(tenant.TenantId, "r-1"));
        // Accepted before the freeze, run after it: the orchestration's own debit refuses and gives the stock back.
        var id = await _driver.StartDirectlyAsync(member, giftId);
        await host.WaitAsync(id);
        var record = await _driver.RecordAsync(tenant.TenantId, id);

        Assert.Equal(200, frozen.Status);
        Assert.Equal((422, "account-frozen"), (refused.Status, refused.Code));
        Assert.Equal(404, notRecorded.Status);
        Assert.Equal((RedemptionStatus.Failed, "account-frozen"), (record.Status, record.FailureCode));
        Assert.Equal(StepState.Done, record.Steps[RedemptionSteps.Release].State);
        Assert.Equal(2, await _driver.StockAsync(tenant.TenantId, giftId));
        Assert.Equal(500, (await _driver.MemberAsync(member)).Available);
        Assert.Equal(entriesBefore, (await _driver.EntriesAsync(member)).Count);
    }
}
