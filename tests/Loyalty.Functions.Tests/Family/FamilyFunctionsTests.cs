using Loyalty.Functions.Family;
using Loyalty.Functions.Tests.Support;
using static Loyalty.Functions.Tests.Support.Api;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Family;

public sealed class FamilyFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private FamilyFunctions Family => host.Function<FamilyFunctions>();

    private Task<Response> InviteAsync(string key, object body, string? idempotencyKey) =>
        CallAsync(Request("POST", "/api/v1/family/invitations", body, key, idempotencyKey is null ? null : Key(idempotencyKey)), r => Family.Invite(r, CancellationToken.None));

    private Task<Response> AcceptAsync(string key, string invitationId, object body) =>
        CallAsync(Request("POST", $"/api/v1/family/invitations/{invitationId}/accept", body, key), r => Family.Accept(r, invitationId, CancellationToken.None));

    private Task<Response> TransferAsync(string key, object body, string? idempotencyKey) =>
        CallAsync(Request("POST", "/api/v1/transfers", body, key, idempotencyKey is null ? null : Key(idempotencyKey)), r => Family.Transfer(r, CancellationToken.None));

    private Task<Response> UnbindAsync(string key, string memberId, string relativeId) =>
        CallAsync(Request("DELETE", $"/api/v1/members/{memberId}/family/{relativeId}", apiKey: key), r => Family.Unbind(r, memberId, relativeId, CancellationToken.None));

    private async Task<IEnumerable<string>> FamilyOfAsync(string key, string memberId) =>
        (await CallAsync(Request("GET", $"/api/v1/members/{memberId}/family", apiKey: key), r => Family.List(r, memberId, CancellationToken.None))).Json["family"]!.AsArray().Select(m => m!.GetValue<string>());

    private async Task<(string From, string To)> BoundAsync(TenantKeys tenant, long points)
    {
        var from = await MemberWithPointsAsync(host, tenant, points);
        var to = await MemberWithPointsAsync(host, tenant, 0);
        var invitation = await InviteAsync(tenant.Storefront, new { fromMemberId = from, toMemberId = to }, "inv-" + from);
        Assert.Equal(201, invitation.Status);
        var accepted = await AcceptAsync(tenant.Storefront, invitation.Json["invitationId"]!.GetValue<string>(), new { memberId = to });
        Assert.Equal((200, "accepted"), (accepted.Status, accepted.Json["status"]!.GetValue<string>()));
        return (from, to);
    }

    [Fact]
    public async Task Both_members_confirm_the_binding_and_each_lists_the_other()
    {
        var tenant = await host.NewTenantAsync();
        var (from, to) = await BoundAsync(tenant, 0);

        var list = await CallAsync(Request("GET", $"/api/v1/members/{to}/family", apiKey: tenant.Storefront), r => Family.List(r, to, CancellationToken.None));

        Assert.Equal([from], list.Json["family"]!.AsArray().Select(m => m!.GetValue<string>()));
        var again = await InviteAsync(tenant.Storefront, new { fromMemberId = to, toMemberId = from }, "again");
        Assert.Equal((409, "already-bound"), (again.Status, again.Code));
    }

    [Fact]
    public async Task Only_the_invitee_can_accept_and_bad_invitations_are_refused()
    {
        var tenant = await host.NewTenantAsync();
        var a = await MemberWithPointsAsync(host, tenant, 0);
        var b = await MemberWithPointsAsync(host, tenant, 0);
        var invitation = await InviteAsync(tenant.Storefront, new { fromMemberId = a, toMemberId = b }, "i");

        var byInviter = await AcceptAsync(tenant.Storefront, invitation.Json["invitationId"]!.GetValue<string>(), new { memberId = a });
        var self = await InviteAsync(tenant.Storefront, new { fromMemberId = a, toMemberId = a }, "s");
        var unknown = await InviteAsync(tenant.Storefront, new { fromMemberId = a, toMemberId = "nobody" }, "u");
        var noKey = await InviteAsync(tenant.Storefront, new { fromMemberId = a, toMemberId = b }, null);
        var missing = await AcceptAsync(tenant.Storefront, "nope", new { memberId = b });
        var byPos = await InviteAsync(tenant.Pos, new { fromMemberId = a, toMemberId = b }, "p");

        Assert.Equal((422, "memberId"), (byInviter.Status, byInviter.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((422, "different-member"), (self.Status, self.Json["errors"]![0]!["rule"]!.GetValue<string>()));
        Assert.Equal((404, "member-not-found"), (unknown.Status, unknown.Code));
        Assert.Equal(400, noKey.Status);
        Assert.Equal((404, "invitation-not-found"), (missing.Status, missing.Code));
        Assert.Equal(403, byPos.Status);
    }

    [Fact]
    public async Task A_transfer_moves_points_between_family_and_both_ledgers_show_the_counterparty()
    {
        var tenant = await host.NewTenantAsync();
        var (from, to) = await BoundAsync(tenant, 500);

        var transfer = await TransferAsync(tenant.Storefront, new { fromMemberId = from, toMemberId = to, points = 200, message = "生日快乐" }, "t-1");
        var replay = await TransferAsync(tenant.Storefront, new { fromMemberId = from, toMemberId = to, points = 200, message = "生日快乐" }, "t-1");
        var reused = await TransferAsync(tenant.Storefront, new { fromMemberId = from, toMemberId = to, points = 201 }, "t-1");
        var read = await CallAsync(Request("GET", $"/api/v1/transfers/{transfer.Json["transferId"]}", apiKey: tenant.Storefront), r => Family.GetTransfer(r, transfer.Json["transferId"]!.GetValue<string>(), CancellationToken.None));

        Assert.Equal((201, "completed"), (transfer.Status, transfer.Json["status"]!.GetValue<string>()));
        Assert.Equal(transfer.Json["inEntryId"]!.GetValue<string>(), replay.Json["inEntryId"]!.GetValue<string>());
        Assert.Equal((409, "idempotency-key-reused"), (reused.Status, reused.Code));
        Assert.Equal(200, read.Status);
        Assert.Equal((300L, 200L), ((await MemberAsync(host, tenant, from)).Json["available"]!.GetValue<long>(), (await MemberAsync(host, tenant, to)).Json["available"]!.GetValue<long>()));
        Assert.Equal(["transferIn"], await LedgerTypesAsync(host, tenant, to));
    }

    [Fact]
    public async Task Transfers_respect_the_monthly_limits_family_and_balance()
    {
        var tenant = await host.NewTenantAsync();
        await PutProgramAsync(host, tenant, new { transfers = new { maxTransfersPerMonth = 1, maxPointsPerMonth = 300 } });
        var (from, to) = await BoundAsync(tenant, 1000);
        var stranger = await MemberWithPointsAsync(host, tenant, 0);

        var tooMuch = await TransferAsync(tenant.Storefront, new { fromMemberId = from, toMemberId = to, points = 301 }, "a");
        var first = await TransferAsync(tenant.Storefront, new { fromMemberId = from, toMemberId = to, points = 100 }, "b");
        var second = await TransferAsync(tenant.Storefront, new { fromMemberId = from, toMemberId = to, points = 100 }, "c");
        var notFamily = await TransferAsync(tenant.Storefront, new { fromMemberId = from, toMemberId = stranger, points = 1 }, "d");
        var broke = await TransferAsync(tenant.Storefront, new { fromMemberId = to, toMemberId = from, points = 101 }, "e");
        var invalid = await TransferAsync(tenant.Storefront, new { fromMemberId = from, toMemberId = to, points = 0 }, "f");
        var noKey = await TransferAsync(tenant.Storefront, new { fromMemberId = from, toMemberId = to, points = 1 }, null);
        var unknown = await CallAsync(Request("GET", "/api/v1/transfers/nope", apiKey: tenant.Storefront), r => Family.GetTransfer(r, "nope", CancellationToken.None));

        Assert.Equal((422, "monthly-transfer-points-reached"), (tooMuch.Status, tooMuch.Code));
        Assert.Equal(201, first.Status);
        Assert.Equal((422, "monthly-transfer-count-reached"), (second.Status, second.Code));
        Assert.Equal((422, "not-family"), (notFamily.Status, notFamily.Code));
        Assert.Equal((422, "insufficient-points"), (broke.Status, broke.Code));
        Assert.Equal((422, "points"), (invalid.Status, invalid.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal(400, noKey.Status);
        Assert.Equal(404, unknown.Status);
        Assert.Equal(900, (await MemberAsync(host, tenant, from)).Json["available"]!.GetValue<long>());
    }

    [Fact]
    public async Task Either_member_can_unbind_and_neither_lists_the_other_afterwards()
    {
        var tenant = await host.NewTenantAsync();
        var (from, to) = await BoundAsync(tenant, 100);

        var unbound = await UnbindAsync(tenant.Storefront, to, from);
        var again = await UnbindAsync(tenant.Storefront, from, to);
        var transfer = await TransferAsync(tenant.Storefront, new { fromMemberId = from, toMemberId = to, points = 10 }, "after-unbind");

        Assert.Equal(204, unbound.Status);
        Assert.Equal((404, "binding-not-found"), (again.Status, again.Code));
        Assert.Empty(await FamilyOfAsync(tenant.Storefront, from));
        Assert.Empty(await FamilyOfAsync(tenant.Storefront, to));
        Assert.Equal((422, "not-family"), (transfer.Status, transfer.Code));
        var rebound = await InviteAsync(tenant.Storefront, new { fromMemberId = from, toMemberId = to }, "rebind");
        Assert.Equal(201, rebound.Status);
    }

    [Fact]
    public async Task Unbinding_is_tenant_isolated_needs_a_storefront_key_and_refuses_strangers()
    {
        var tenant = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var (from, to) = await BoundAsync(tenant, 0);
        var stranger = await MemberWithPointsAsync(host, tenant, 0);

        var otherTenant = await UnbindAsync(other.Storefront, from, to);
        var byPos = await UnbindAsync(tenant.Pos, from, to);
        var notBound = await UnbindAsync(tenant.Storefront, from, stranger);
        var noMember = await UnbindAsync(tenant.Storefront, "nobody", to);

        Assert.Equal((404, "member-not-found"), (otherTenant.Status, otherTenant.Code));
        Assert.Equal(403, byPos.Status);
        Assert.Equal((404, "binding-not-found"), (notBound.Status, notBound.Code));
        Assert.Equal((404, "member-not-found"), (noMember.Status, noMember.Code));
        Assert.Equal([to], await FamilyOfAsync(tenant.Storefront, from));
        Assert.Equal([from], await FamilyOfAsync(tenant.Storefront, to));
    }
}
