using Loyalty.Functions.Donations;
using Loyalty.Functions.Freezes;
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

    [Fact]
    public async Task A_frozen_member_cannot_hold_or_donate_and_unfreeze_restores_everything()
    {
        var tenant = await host.NewTenantAsync();
        var member = await MemberWithPointsAsync(host, tenant, 1000);
        await CallAsync(Request("PUT", "/api/v1/charity-projects/p1", new { name = "Books" }, tenant.Admin), r => host.Function<DonationFunctions>().PutProject(r, "p1", CancellationToken.None));

        var frozen = await FreezeAsync(tenant.Admin, member, new { reason = "fraud investigation", reference = "case-7" }, "f-1");
        var hold = await CallAsync(Request("POST", "/api/v1/pos/holds", new { memberId = member, orderId = "o", points = 100, lines = new[] { new { sku = "a", quantity = 1, unitPrice = 10m } } }, tenant.Pos, Key("h")), r => host.Function<PosFunctions>().Hold(r, CancellationToken.None));
        var donation = await CallAsync(Request("POST", "/api/v1/donations", new { memberId = member, projectId = "p1", points = 10 }, tenant.Storefront, Key("d")), r => host.Function<DonationFunctions>().Donate(r, CancellationToken.None));
        var shown = await MemberAsync(host, tenant, member);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var unfrozen = await UnfreezeAsync(tenant.Admin, member, new { reason = "cleared" }, "u-1");

        Assert.Equal((200, "freeze"), (frozen.Status, frozen.Json["entry"]!["type"]!.GetValue<string>()));
        Assert.Equal("case-7", frozen.Json["entry"]!["details"]!["caseReference"]!.GetValue<string>());
        Assert.Equal((422, "account-frozen"), (hold.Status, hold.Code));
        Assert.Equal((422, "account-frozen"), (donation.Status, donation.Code));
        Assert.True(shown.Json["frozen"]!.GetValue<bool>());
        Assert.Equal(200, unfrozen.Status);
        Assert.False((await MemberAsync(host, tenant, member)).Json["frozen"]!.GetValue<bool>());
        Assert.Equal(["adjust", "freeze", "unfreeze"], await LedgerTypesAsync(host, tenant, member));
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
