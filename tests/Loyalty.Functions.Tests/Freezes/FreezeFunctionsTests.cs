using Loyalty.Functions.Donations;
using Loyalty.Functions.Freezes;
using Loyalty.Functions.Lotteries;
using Loyalty.Functions.Pos;
using Loyalty.Functions.Tests.Support;
using static Loyalty.Functions.Tests.Support.Api;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Freezes;

public sealed class FreezeFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private FreezeFunctions Freezes => host.Function<FreezeFunctions>();

    private Task<Response> FreezeAsync(string key, string memberId, object body, string? idempotencyKey) =>
        CallAsync(Request("POST", $"/api/v1/members/{memberId}/freeze", body, key, idempotencyKey is null ? null : Key(idempotencyKey)), r => Freezes.Freeze(r, memberId, CancellationToken.None));

    private Task<Response> UnfreezeAsync(string key, string memberId, object body, string idempotencyKey) =>
        CallAsync(Request("POST", $"/api/v1/members/{memberId}/unfreeze", body, key, Key(idempotencyKey)), r => Freezes.Unfreeze(r, memberId, CancellationToken.None));

    private Task<Response> HoldAsync(TenantKeys tenant, string member, string idempotencyKey) =>
        CallAsync(Request("POST", "/api/v1/pos/holds", new { memberId = member, orderId = "o", points = 100, lines = new[] { new { sku = "a", quantity = 1, unitPrice = 10m } } }, tenant.Pos, Key(idempotencyKey)), r => host.Function<PosFunctions>().Hold(r, CancellationToken.None));

    private Task<Response> DonateAsync(TenantKeys tenant, string member, string idempotencyKey) =>
        CallAsync(Request("POST", "/api/v1/donations", new { memberId = member, projectId = "p1", points = 10 }, tenant.Storefront, Key(idempotencyKey)), r => host.Function<DonationFunctions>().Donate(r, CancellationToken.None));

    /// <summary>The same hold and donation, refused while frozen, are tried again after the unfreeze and go through.</summary>
    [Fact]
    public async Task A_frozen_member_cannot_hold_or_donate_and_unfreeze_restores_everything()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 1000);
        await CallAsync(Request("PUT", "/api/v1/charity-projects/p1", new { name = "Books" }, tenant.Admin), r => host.Function<DonationFunctions>().PutProject(r, "p1", CancellationToken.None));

        var frozen = await FreezeAsync(tenant.Admin, member, new { reason = "fraud investigation", reference = "case-7" }, "f-1");
        var hold = await HoldAsync(tenant, member, "h");
        var donation = await DonateAsync(tenant, member, "d");
        var shown = await MemberAsync(host, tenant, member);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var unfrozen = await UnfreezeAsync(tenant.Admin, member, new { reason = "cleared" }, "u-1");
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var heldAfter = await HoldAsync(tenant, member, "h");
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var donatedAfter = await DonateAsync(tenant, member, "d");
        var after = await MemberAsync(host, tenant, member);

        Assert.Equal((200, "freeze"), (frozen.Status, frozen.Json["entry"]!["type"]!.GetValue<string>()));
        Assert.Equal("case-7", frozen.Json["entry"]!["details"]!["caseReference"]!.GetValue<string>());
        Assert.Equal((422, "account-frozen"), (hold.Status, hold.Code));
        Assert.Equal((422, "account-frozen"), (donation.Status, donation.Code));
        Assert.True(shown.Json["frozen"]!.GetValue<bool>());
        Assert.Equal(1000, shown.Json["available"]!.GetValue<long>());
        Assert.Equal(200, unfrozen.Status);
        Assert.Equal((201, 201), (heldAfter.Status, donatedAfter.Status));
        Assert.False(after.Json["frozen"]!.GetValue<bool>());
        Assert.Equal(1000 - 100 - 10, after.Json["available"]!.GetValue<long>());
        Assert.Equal(["adjust", "freeze", "unfreeze", "hold", "donation"], await LedgerTypesAsync(host, tenant, member));
    }

    [Fact]
    public async Task A_frozen_member_cannot_draw_the_lottery_and_nothing_changes()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 1000);
        var lotteries = host.Function<LotteryFunctions>();
        await CallAsync(Request("PUT", "/api/v1/lotteries/spring", new { name = "Spring draw", costPoints = 50, prizes = new[] { new { prizeId = "cup", name = "Cup", weight = 1, stock = 1 } }, noPrizeWeight = 0 }, tenant.Admin), r => lotteries.Put(r, "spring", CancellationToken.None));
        await FreezeAsync(tenant.Admin, member, new { reason = "fraud investigation" }, "f-1");
        var before = await StorageSnapshot.TakeAsync(host, tenant.TenantId);

        var draw = await CallAsync(Request("POST", "/api/v1/lotteries/spring/draws", new { memberId = member }, tenant.Storefront, Key("draw-1")), r => lotteries.Draw(r, "spring", CancellationToken.None));
        var published = await CallAsync(Request("GET", "/api/v1/lotteries/spring", apiKey: tenant.Storefront), r => lotteries.Get(r, "spring", CancellationToken.None));

        Assert.Equal((422, "account-frozen"), (draw.Status, draw.Code));
        Assert.Empty((await StorageSnapshot.TakeAsync(host, tenant.TenantId)).ChangedSince(before));
        Assert.Equal((1L, 0L), (published.Json["prizes"]![0]!["stock"]!.GetValue<long>(), published.Json["prizes"]![0]!["awarded"]!.GetValue<long>()));
        Assert.Equal(1000, (await MemberAsync(host, tenant, member)).Json["available"]!.GetValue<long>());
    }

    [Fact]
    public async Task Freeze_needs_an_admin_a_reason_an_idempotency_key_and_a_known_open_member()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 0);

        var byPos = await FreezeAsync(tenant.Pos, member, new { reason = "x" }, "k");
        var noReason = await FreezeAsync(tenant.Admin, member, new { reason = " " }, "k");
        var noKey = await FreezeAsync(tenant.Admin, member, new { reason = "x" }, null);
        var unknown = await FreezeAsync(tenant.Admin, "nobody", new { reason = "x" }, "k");
        var first = await FreezeAsync(tenant.Admin, member, new { reason = "x" }, "k1");
        var replay = await FreezeAsync(tenant.Admin, member, new { reason = "x" }, "k1");
        var twice = await FreezeAsync(tenant.Admin, member, new { reason = "x" }, "k2");
        var badJson = await FreezeAsync(tenant.Admin, member, "{\"reason\":1}", "k3");

        Assert.Equal((403, "scope-not-allowed"), (byPos.Status, byPos.Code));
        Assert.Equal((422, "reason"), (noReason.Status, noReason.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((400, "idempotency-key-required"), (noKey.Status, noKey.Code));
        Assert.Equal((404, "member-not-found"), (unknown.Status, unknown.Code));
        Assert.Equal(200, first.Status);
        Assert.True(replay.Json["replayed"]!.GetValue<bool>());
        Assert.Equal((409, "already-frozen"), (twice.Status, twice.Code));
        Assert.Equal(400, badJson.Status);
        var open = await UnfreezeAsync(tenant.Admin, await MemberWithPointsAsync(host, tenant, 0), new { }, "u");
        Assert.Equal((409, "not-frozen"), (open.Status, open.Code));
    }
}
