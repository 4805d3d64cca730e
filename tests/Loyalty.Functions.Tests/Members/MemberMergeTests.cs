using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Core.Sagas;
using Loyalty.Functions.Audit;
using Loyalty.Functions.Family;
using Loyalty.Functions.Freezes;
using Loyalty.Functions.Members;
using Loyalty.Functions.Pos;
using Loyalty.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.Functions.Tests.Support.Api;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Members;

public sealed class MemberMergeTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private MemberFunctions Members => host.Function<MemberFunctions>();

    private Task<Response> MergeAsync(string key, string into, object body, string idempotencyKey = "merge-1") =>
        CallAsync(Request("POST", $"/api/v1/members/{into}/merge", body, key, Key(idempotencyKey)), r => host.Function<MemberMergeFunctions>().Merge(r, into, CancellationToken.None));

    private static object[] Lines(decimal price) => [new { sku = "tea", category = "drinks", quantity = 1, unitPrice = price }];

    /// <summary>A member with a phone who bought for <paramref name="cash"/> (earning as many points, counted toward the tier).</summary>
    private async Task<string> BuyerAsync(TenantKeys tenant, decimal cash, string phone)
    {
        var id = "m-" + Guid.NewGuid().ToString("N")[..10];
        Assert.Equal(201, (await host.RegisterAsync(tenant.Pos, new { memberId = id, phone })).Status);
        var purchase = await host.PurchaseAsync(tenant.Pos, new { orderId = "o-" + id, memberId = id, cashPaid = cash, lines = Lines(cash) });
        Assert.Equal(202, purchase.Status);
        await host.DrainQueueAsync();
        host.Time.Advance(TimeSpan.FromSeconds(1));
        return id;
    }

    private async Task<List<(long Remaining, string ExpiresAt)>> LotsOfAsync(TenantKeys tenant, string member) =>
        [.. (await LotsAsync(host, tenant, member)).Select(l => (l["remaining"]!.GetValue<long>(), l["expiresAt"]!.GetValue<string>()))];

    private async Task<System.Text.Json.Nodes.JsonNode> EntryAsync(TenantKeys tenant, string member, string type)
    {
        var ledger = await CallAsync(Request("GET", $"/api/v1/members/{member}/ledger?type={type}", apiKey: tenant.Pos), r => Members.Ledger(r, member, CancellationToken.None));
        return Assert.Single(ledger.Json["entries"]!.AsArray())!;
    }

    private Task<Response> EraseAsync(TenantKeys tenant, string member, string idempotencyKey) =>
        CallAsync(Request("DELETE", $"/api/v1/members/{member}", new { reason = "Member request" }, tenant.Admin, Key(idempotencyKey)), r => host.Function<MemberPrivacyFunctions>().Erase(r, member, CancellationToken.None));

    /// <summary>A merge left as a crash leaves it: indexed and recorded, the source closed and its points given up, the target not yet credited.</summary>
    private async Task MergeStoppedAfterMoveOutAsync(TenantKeys tenant, string source, string target)
    {
        var now = host.Time.GetUtcNow();
        await host.Services.GetRequiredService<IPendingSagas>().AddAsync(PendingSaga.Merge(tenant.TenantId, source, now), CancellationToken.None);
        await host.Services.GetRequiredService<IMergeStore>().AddOrGetAsync(new MergeRecord { TenantId = tenant.TenantId, MergeId = source, FromMemberId = source, ToMemberId = target, CreatedAt = now }, CancellationToken.None);
        var moved = await host.Services.GetRequiredService<LedgerService>().ExecuteAsync(new MemberKey(tenant.TenantId, source), new MergeOut($"merge:{source}:out", source, target), CancellationToken.None);
        Assert.True(moved.IsSuccess);
        host.Time.Advance(TimeSpan.FromSeconds(1));
    }

    private static void AssertMergeInFlight(Response refused, params string[] named)
    {
        Assert.True((refused.Status, refused.Code) == (409, SagasInFlight.PendingMergeCode), refused.Text);
        Assert.StartsWith("application/problem+json", refused.ContentType, StringComparison.Ordinal);
        var detail = refused.Json["detail"]!.GetValue<string>();
        Assert.Contains("merge still in flight", detail, StringComparison.Ordinal);
        Assert.All(named, id => Assert.Contains($"'{id}'", detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Erasing_either_member_of_a_merge_still_in_flight_is_refused_and_changes_nothing_until_the_merge_ends()
    {
        var tenant = await host.NewTenantAsync();
        var source = await MemberWithPointsAsync(host, tenant, 300);
        var target = await MemberWithPointsAsync(host, tenant, 100);
        await MergeStoppedAfterMoveOutAsync(tenant, source, target);
        var before = await StorageSnapshot.TakeAsync(host, tenant.TenantId);

        var eraseTarget = await EraseAsync(tenant, target, "erase-target");
        var eraseSource = await EraseAsync(tenant, source, "erase-source");

        AssertMergeInFlight(eraseTarget, target, source);
        AssertMergeInFlight(eraseSource, source, target);
        Assert.Empty((await StorageSnapshot.TakeAsync(host, tenant.TenantId)).ChangedSince(before));
        var kept = await MemberAsync(host, tenant, target);
        Assert.Equal(("active", 100L), (kept.Json["status"]!.GetValue<string>(), kept.Json["available"]!.GetValue<long>()));

        var finished = await MergeAsync(tenant.Admin, target, new { from = source });
        Assert.True(finished.Status == 200, finished.Text);
        var erased = await EraseAsync(tenant, target, "erase-target");
        Assert.True(erased.Status == 200, erased.Text);
        Assert.Equal(-400, erased.Json["entry"]!["delta"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_second_merge_into_or_out_of_a_member_whose_merge_is_in_flight_is_refused_and_changes_nothing()
    {
        var tenant = await host.NewTenantAsync();
        var source = await MemberWithPointsAsync(host, tenant, 300);
        var target = await MemberWithPointsAsync(host, tenant, 100);
        var other = await MemberWithPointsAsync(host, tenant, 50);
        await MergeStoppedAfterMoveOutAsync(tenant, source, target);
        var before = await StorageSnapshot.TakeAsync(host, tenant.TenantId);

        var intoTarget = await MergeAsync(tenant.Admin, target, new { from = other }, "merge-into");
        var outOfTarget = await MergeAsync(tenant.Admin, other, new { from = target }, "merge-out");

        AssertMergeInFlight(intoTarget, target, source);
        AssertMergeInFlight(outOfTarget, target, source);
        Assert.Empty((await StorageSnapshot.TakeAsync(host, tenant.TenantId)).ChangedSince(before));
        Assert.Equal(["adjust"], await LedgerTypesAsync(host, tenant, other));
        Assert.Equal(["adjust"], await LedgerTypesAsync(host, tenant, target));
    }

    [Fact]
    public async Task A_merge_moves_every_lot_with_its_expiry_re_evaluates_the_tier_and_closes_the_source_with_a_pointer()
    {
        var tenant = await host.NewTenantAsync();
        var source = await BuyerAsync(tenant, 600m, "13966001001");
        var limited = host.Time.GetUtcNow().AddDays(30);
        var adjusted = await CallAsync(Request("POST", $"/api/v1/members/{source}/adjustments", new { delta = 50, reason = "campaign", expiresAt = limited }, tenant.Admin, Key("adj")), r => Members.Adjust(r, source, CancellationToken.None));
        Assert.Equal(201, adjusted.Status);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var target = await BuyerAsync(tenant, 500m, "13966001002");
        var sourceLots = await LotsOfAsync(tenant, source);
        var targetLots = await LotsOfAsync(tenant, target);
        Assert.Equal(2, sourceLots.Select(l => l.ExpiresAt).Distinct().Count());
        Assert.Equal("normal", (await MemberAsync(host, tenant, target)).Json["tier"]!.GetValue<string>());

        var merged = await MergeAsync(tenant.Admin, target, new { from = source });

        Assert.True(merged.Status == 200, merged.Text);
        Assert.Equal(("completed", 650L, source, target), (merged.Json["status"]!.GetValue<string>(), merged.Json["points"]!.GetValue<long>(), merged.Json["fromMemberId"]!.GetValue<string>(), merged.Json["toMemberId"]!.GetValue<string>()));
        var after = await LotsOfAsync(tenant, target);
        var expected = sourceLots.Concat(targetLots).GroupBy(l => l.ExpiresAt).Select(g => (g.Sum(l => l.Remaining), g.Key)).OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, after.GroupBy(l => l.ExpiresAt).Select(g => (g.Sum(l => l.Remaining), g.Key)).OrderBy(l => l.Key, StringComparer.Ordinal).ToList());
        var kept = await MemberAsync(host, tenant, target);
        Assert.Equal(("silver", 1150L), (kept.Json["tier"]!.GetValue<string>(), kept.Json["available"]!.GetValue<long>()));
        var closed = await MemberAsync(host, tenant, source);
        Assert.Equal((200, "merged", target, 0L), (closed.Status, closed.Json["status"]!.GetValue<string>(), closed.Json["mergedInto"]!.GetValue<string>(), closed.Json["balance"]!.GetValue<long>()));

        var outEntry = await EntryAsync(tenant, source, "mergeOut");
        var inEntry = await EntryAsync(tenant, target, "mergeIn");
        var tier = await EntryAsync(tenant, target, "tier");
        Assert.Equal("silver", tier["details"]!["to"]!.GetValue<string>());
        Assert.Equal(("mergeOut", -650L, target), (outEntry["type"]!.GetValue<string>(), outEntry["delta"]!.GetValue<long>(), outEntry["details"]!["counterparty"]!.GetValue<string>()));
        Assert.Equal(("mergeIn", 650L, source), (inEntry["type"]!.GetValue<string>(), inEntry["delta"]!.GetValue<long>(), inEntry["details"]!["counterparty"]!.GetValue<string>()));
        Assert.Equal((merged.Json["outEntryId"]!.GetValue<string>(), merged.Json["inEntryId"]!.GetValue<string>()), (outEntry["entryId"]!.GetValue<string>(), inEntry["entryId"]!.GetValue<string>()));

        var write = await CallAsync(Request("POST", $"/api/v1/members/{source}/adjustments", new { delta = 5, reason = "goodwill" }, tenant.Admin, Key("after")), r => Members.Adjust(r, source, CancellationToken.None));
        Assert.Equal((409, "member-merged"), (write.Status, write.Code));
        var byPhone = await CallAsync(Request("GET", "/api/v1/members?phone=13966001001", apiKey: tenant.Pos), r => Members.List(r, CancellationToken.None));
        Assert.Empty(byPhone.Json["members"]!.AsArray());

        var before = await StorageSnapshot.TakeAsync(host, tenant.TenantId);
        var retry = await MergeAsync(tenant.Admin, target, new { from = source });
        Assert.Equal(merged.Text, retry.Text);
        Assert.Empty((await StorageSnapshot.TakeAsync(host, tenant.TenantId)).ChangedSince(before));
        var elsewhere = await MergeAsync(tenant.Admin, await BuyerAsync(tenant, 1m, "13966001003"), new { from = source }, "merge-2");
        Assert.Equal((409, "member-already-merged"), (elsewhere.Status, elsewhere.Code));
        var audit = await CallAsync(Request("GET", $"/api/v1/admin/audit?action=merge&memberId={target}", apiKey: tenant.Admin), r => host.Function<AuditFunctions>().List(r, CancellationToken.None));
        var record = Assert.Single(audit.Json["records"]!.AsArray())!;
        Assert.Equal((source, "650"), (record["subject"]!.GetValue<string>(), record["details"]!["points"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(record["keyId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_merge_is_refused_before_anything_moves_while_the_sources_points_are_in_motion_frozen_or_bound()
    {
        var tenant = await host.NewTenantAsync();
        var target = await MemberWithPointsAsync(host, tenant, 10);
        var held = await MemberWithPointsAsync(host, tenant, 500);
        var hold = await CallAsync(Request("POST", "/api/v1/pos/holds", new { memberId = held, orderId = "o-h", points = 100, lines = Lines(100m) }, tenant.Pos, Key("hold")), r => host.Function<PosFunctions>().Hold(r, CancellationToken.None));
        Assert.Equal(201, hold.Status);
        var frozen = await MemberWithPointsAsync(host, tenant, 500);
        Assert.Equal(200, (await CallAsync(Request("POST", $"/api/v1/members/{frozen}/freeze", new { reason = "review" }, tenant.Admin, Key("f")), r => host.Function<FreezeFunctions>().Freeze(r, frozen, CancellationToken.None))).Status);
        var bound = await MemberWithPointsAsync(host, tenant, 500);
        var family = host.Function<FamilyFunctions>();
        var invitation = await CallAsync(Request("POST", "/api/v1/family/invitations", new { fromMemberId = bound, toMemberId = target }, tenant.Storefront, Key("inv")), r => family.Invite(r, CancellationToken.None));
        var invitationId = invitation.Json["invitationId"]!.GetValue<string>();
        Assert.Equal(200, (await CallAsync(Request("POST", $"/api/v1/family/invitations/{invitationId}/accept", new { memberId = target }, tenant.Storefront), r => family.Accept(r, invitationId, CancellationToken.None))).Status);
        var before = await StorageSnapshot.TakeAsync(host, tenant.TenantId);

        var refused = new Dictionary<string, Response>
        {
            ["member-has-open-holds"] = await MergeAsync(tenant.Admin, target, new { from = held }),
            ["member-frozen"] = await MergeAsync(tenant.Admin, target, new { from = frozen }),
            ["member-has-family"] = await MergeAsync(tenant.Admin, target, new { from = bound }),
        };
        var self = await MergeAsync(tenant.Admin, target, new { from = target });
        var unknown = await MergeAsync(tenant.Admin, target, new { from = "nobody" });
        var byPos = await MergeAsync(tenant.Pos, target, new { from = held });

        Assert.All(refused, r => Assert.True((r.Value.Status, r.Value.Code) == (409, r.Key), r.Value.Text));
        Assert.Equal((422, "from"), (self.Status, self.Json["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal((404, "member-not-found"), (unknown.Status, unknown.Code));
        Assert.Equal((403, "scope-not-allowed"), (byPos.Status, byPos.Code));
        Assert.Empty((await StorageSnapshot.TakeAsync(host, tenant.TenantId)).ChangedSince(before));
    }

    [Fact]
    public async Task Pending_points_block_a_merge_and_a_frozen_target_is_refused()
    {
        var tenant = await host.NewTenantAsync();
        await host.SaveRulesAsync(tenant.TenantId, new ProgramRules { Earning = new EarningRules { ReturnWindowDays = 7 } });
        var pending = await BuyerAsync(tenant, 80m, "13966002001");
        var target = await MemberWithPointsAsync(host, tenant, 0);
        var free = await MemberWithPointsAsync(host, tenant, 10);
        Assert.Equal(200, (await CallAsync(Request("POST", $"/api/v1/members/{target}/freeze", new { reason = "review" }, tenant.Admin, Key("f")), r => host.Function<FreezeFunctions>().Freeze(r, target, CancellationToken.None))).Status);

        var blocked = await MergeAsync(tenant.Admin, free, new { from = pending });
        var intoFrozen = await MergeAsync(tenant.Admin, target, new { from = free });

        Assert.Equal((409, "member-has-pending-points"), (blocked.Status, blocked.Code));
        Assert.Contains("80 pending points", blocked.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((409, "member-frozen"), (intoFrozen.Status, intoFrozen.Code));
        Assert.Equal("active", (await MemberAsync(host, tenant, pending)).Json["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_merge_stopped_after_the_source_gave_up_its_points_is_finished_by_a_retry_and_nothing_moves_twice()
    {
        var tenant = await host.NewTenantAsync();
        var source = await MemberWithPointsAsync(host, tenant, 300);
        var target = await MemberWithPointsAsync(host, tenant, 100);
        var merges = host.Services.GetRequiredService<IMergeStore>();
        await merges.AddOrGetAsync(new MergeRecord { TenantId = tenant.TenantId, MergeId = source, FromMemberId = source, ToMemberId = target, CreatedAt = host.Time.GetUtcNow() }, CancellationToken.None);
        var moved = await host.Services.GetRequiredService<LedgerService>().ExecuteAsync(new MemberKey(tenant.TenantId, source), new MergeOut($"merge:{source}:out", source, target), CancellationToken.None);
        Assert.True(moved.IsSuccess);
        host.Time.Advance(TimeSpan.FromSeconds(1));

        var finished = await MergeAsync(tenant.Admin, target, new { from = source });

        Assert.True(finished.Status == 200, finished.Text);
        Assert.Equal(("completed", 300L, moved.Value.Entry!.EntryId), (finished.Json["status"]!.GetValue<string>(), finished.Json["points"]!.GetValue<long>(), finished.Json["outEntryId"]!.GetValue<string>()));
        Assert.Equal(400, (await MemberAsync(host, tenant, target)).Json["available"]!.GetValue<long>());
        Assert.Equal(["adjust", "mergeOut"], await LedgerTypesAsync(host, tenant, source));
        Assert.Equal(["adjust", "mergeIn"], await LedgerTypesAsync(host, tenant, target));
        Assert.Single(await LotsAsync(host, tenant, target));
    }
}
