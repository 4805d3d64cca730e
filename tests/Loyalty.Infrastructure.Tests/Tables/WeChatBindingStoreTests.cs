using Azure.Data.Tables;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Webhooks;
using Loyalty.Core.Webhooks.WeChat;
using Loyalty.Infrastructure.Tables;
using Loyalty.Infrastructure.Tests.Support;
using Loyalty.Testing;

namespace Loyalty.Infrastructure.Tests.Tables;

/// <summary>openid bindings against Azurite: both directions in one partition, every change one guarded batch.</summary>
public sealed class WeChatBindingStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly StorageContext _storage = new(azurite);

    private sealed record Shop(string TenantId, WeChatBindingService Bindings, TableWeChatBindingStore Store);

    private async Task<Shop> ShopAsync(int members)
    {
        var tenant = "t" + Guid.NewGuid().ToString("N")[..10];
        var ledger = new TableLedgerStore(_storage.Tables, _storage.Cipher);
        var channels = new TableWebhookChannelStore(_storage.Tables);
        await channels.SaveAsync(new WebhookChannel(tenant, "oa", "token", SignatureScheme.WeChatOfficialAccount, 0, DateTimeOffset.UtcNow) { WeChat = new WeChatAccount("wx49f0ab532d5d035a", null, WeChatMode.Plain) }, CancellationToken.None);
        for (var i = 0; i < members; i++)
        {
            await ledger.CreateAccountAsync(new MemberAccount { Key = new MemberKey(tenant, $"m{i}"), RegisteredAt = DateTimeOffset.UtcNow }, [], [], CancellationToken.None);
        }

        var store = new TableWeChatBindingStore(_storage.Tables);
        return new Shop(tenant, new WeChatBindingService(store, channels, ledger, TimeProvider.System), store);
    }

    [Fact]
    public async Task Members_racing_to_claim_one_openid_leave_exactly_one_binding()
    {
        var shop = await ShopAsync(8);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => shop.Bindings.BindAsync(new MemberKey(shop.TenantId, $"m{i}"), new WeChatBindRequest("oa", "oRace0001openid"), CancellationToken.None))));

        var winner = Assert.Single(results, r => r.IsSuccess).Value!;
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("openid-bound-to-another-member", r.Error!.Code));
        Assert.Equal(winner.MemberId, (await shop.Store.FindByOpenIdAsync(shop.TenantId, "oRace0001openid", CancellationToken.None))!.MemberId);
        var memberRows = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => shop.Store.FindByMemberAsync(shop.TenantId, $"m{i}", "oa", CancellationToken.None)));
        Assert.Equal([winner.MemberId], memberRows.Where(r => r is not null).Select(r => r!.MemberId));
    }

    [Fact]
    public async Task One_member_binding_two_openids_at_once_keeps_one_and_frees_the_other()
    {
        var shop = await ShopAsync(2);
        var m0 = new MemberKey(shop.TenantId, "m0");

        var results = await Task.WhenAll(
            Task.Run(() => shop.Bindings.BindAsync(m0, new WeChatBindRequest("oa", "oFirst00openid"), CancellationToken.None)),
            Task.Run(() => shop.Bindings.BindAsync(m0, new WeChatBindRequest("oa", "oSecond0openid"), CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Message));
        var kept = (await shop.Store.FindByMemberAsync(shop.TenantId, "m0", "oa", CancellationToken.None))!.OpenId;
        var freed = kept == "oFirst00openid" ? "oSecond0openid" : "oFirst00openid";
        Assert.Equal("m0", (await shop.Store.FindByOpenIdAsync(shop.TenantId, kept, CancellationToken.None))!.MemberId);
        Assert.Null(await shop.Store.FindByOpenIdAsync(shop.TenantId, freed, CancellationToken.None));
        Assert.True((await shop.Bindings.BindAsync(new MemberKey(shop.TenantId, "m1"), new WeChatBindRequest("oa", freed), CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public async Task Rebinding_and_unbinding_free_the_old_openid_and_binding_again_is_idempotent()
    {
        var shop = await ShopAsync(2);
        var m0 = new MemberKey(shop.TenantId, "m0");
        var first = await shop.Bindings.BindAsync(m0, new WeChatBindRequest("oa", "oOld0000openid"), CancellationToken.None);
        var again = await shop.Bindings.BindAsync(m0, new WeChatBindRequest("oa", "oOld0000openid"), CancellationToken.None);

        var rebound = await shop.Bindings.BindAsync(m0, new WeChatBindRequest("oa", "oNew0000openid"), CancellationToken.None);
        var otherTakesOld = await shop.Bindings.BindAsync(new MemberKey(shop.TenantId, "m1"), new WeChatBindRequest("oa", "oOld0000openid"), CancellationToken.None);
        var unbound = await shop.Bindings.UnbindAsync(m0, "oa", CancellationToken.None);
        var unboundAgain = await shop.Bindings.UnbindAsync(m0, "oa", CancellationToken.None);

        Assert.Equal(first.Value!.BoundAt, again.Value!.BoundAt);
        Assert.True(rebound.IsSuccess && otherTakesOld.IsSuccess && unbound.IsSuccess);
        Assert.Equal("wechat-binding-not-found", unboundAgain.Error?.Code);
        Assert.Null(await shop.Store.FindByOpenIdAsync(shop.TenantId, "oNew0000openid", CancellationToken.None));
        Assert.Empty(await shop.Store.ListByMemberAsync(shop.TenantId, "m0", CancellationToken.None));
        Assert.Equal("m1", Assert.Single(await shop.Store.ListByMemberAsync(shop.TenantId, "m1", CancellationToken.None)).MemberId);
    }

    [Fact]
    public async Task A_scene_binds_its_first_scanner_once_and_no_one_after()
    {
        var shop = await ShopAsync(1);
        var channel = new WebhookChannel(shop.TenantId, "oa", "token", SignatureScheme.WeChatOfficialAccount, 0, DateTimeOffset.UtcNow);
        var scene = (await shop.Bindings.IssueSceneAsync(new MemberKey(shop.TenantId, "m0"), new WeChatSceneRequest("oa", 600), "k1", CancellationToken.None)).Value!;
        var sameKey = (await shop.Bindings.IssueSceneAsync(new MemberKey(shop.TenantId, "m0"), new WeChatSceneRequest("oa", 600), "k1", CancellationToken.None)).Value!;

        var scans = await Task.WhenAll(
            Task.Run(() => shop.Bindings.ClaimSceneAsync(channel, scene.Scene, "oScanner1openid", CancellationToken.None)),
            Task.Run(() => shop.Bindings.ClaimSceneAsync(channel, scene.Scene, "oScanner2openid", CancellationToken.None)));
        var winner = Assert.Single(scans, s => s.IsSuccess).Value!;
        var rescan = await shop.Bindings.ClaimSceneAsync(channel, scene.Scene, winner.OpenId, CancellationToken.None);

        Assert.Equal(scene.Scene, sameKey.Scene);
        Assert.StartsWith(WeChatScene.Prefix, scene.Scene, StringComparison.Ordinal);
        Assert.Equal("scene-used", Assert.Single(scans, s => !s.IsSuccess).Error!.Code);
        Assert.Equal(("m0", WeChatBindingSource.Scene), (winner.MemberId, winner.Source));
        Assert.True(rescan.IsSuccess);
        Assert.Equal(winner.OpenId, (await shop.Store.FindSceneAsync(shop.TenantId, scene.Scene, CancellationToken.None))!.UsedBy);
    }

    [Fact]
    public void A_batch_with_a_row_of_another_partition_is_never_sent()
    {
        var binding = new WeChatBinding("tenant-a", "oa", "oSomeone0openid", "m0", DateTimeOffset.UtcNow, WeChatBindingSource.Api);
        var actions = TableWeChatBindingStore.Actions(new WeChatBindingChange("tenant-a") { AddOpenId = binding, PutMember = binding with { TenantId = "tenant-b" } });

        Assert.All(actions, a => Assert.IsType<TableEntity>(a.Entity));
        Assert.Throws<InvalidOperationException>(() => TableWeChatBindingStore.EnsureOnePartition("tenant-a", actions));
    }
}
