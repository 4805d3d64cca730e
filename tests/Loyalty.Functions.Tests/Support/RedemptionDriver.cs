using Loyalty.Core.Gifts;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Redemptions;
using Loyalty.Functions.Redemptions;
using static Loyalty.Functions.Tests.Support.FunctionsHost;

namespace Loyalty.Functions.Tests.Support;

/// <summary>Sets up members and gifts through the app's services and calls the redemption endpoints as a client would.</summary>
internal sealed class RedemptionDriver(DurableFunctionsHost host)
{
    private RedemptionFunctions Redemptions => host.Function<RedemptionFunctions>();

    public async Task<MemberKey> NewMemberAsync(string tenantId, long points, string? tier = null)
    {
        var id = "m-" + Guid.NewGuid().ToString("N")[..10];
        var registered = await host.Get<MemberService>().RegisterAsync(tenantId, new RegisterMember(id, null, null), CancellationToken.None);
        Assert.True(registered.IsSuccess);
        var key = new MemberKey(tenantId, id);
        if (points > 0)
        {
            var seeded = await host.Get<AdjustmentService>().AdjustAsync(key, new Adjustment(points, "seed", null), $"seed-{id}", "test", CancellationToken.None);
            Assert.True(seeded.IsSuccess);
        }

        if (tier is not null)
        {
            Assert.True((await host.Get<LedgerService>().ExecuteAsync(key, new SetTier(tier), CancellationToken.None)).IsSuccess);
        }

        return key;
    }

    public static GiftDefinition Coupon(long price = 100) =>
        new("Coffee coupon", "5 yuan off", ["https://img.example.com/c.png"], GiftKind.Coupon, price, null, null, null, null, null, null, null, new CouponTerms(5m, null, 30), null);

    public static GiftDefinition Virtual(long price = 100) =>
        new("Phone top-up", null, null, GiftKind.Virtual, price, null, null, null, null, null, null, null, null, null);

    public static GiftDefinition Physical(long price = 100) =>
        new("Mug", null, null, GiftKind.Physical, price, null, null, null, null, null, null, null, null, null);

    public async Task<string> NewGiftAsync(string tenantId, GiftDefinition definition, long stock)
    {
        var giftId = "g-" + Guid.NewGuid().ToString("N")[..10];
        var gifts = host.Get<GiftService>();
        Assert.True((await gifts.PutAsync(tenantId, giftId, definition, CancellationToken.None)).IsSuccess);
        if (stock > 0)
        {
            Assert.True((await gifts.AdjustStockAsync(tenantId, giftId, stock, "initial", CancellationToken.None)).IsSuccess);
        }

        return giftId;
    }

    public async Task<long> StockAsync(string tenantId, string giftId) =>
        (await host.Get<GiftService>().GetAsync(tenantId, giftId, CancellationToken.None)).Value!.Stock;

    public async Task<MemberSummary> MemberAsync(MemberKey member) =>
        (await host.Get<MemberService>().GetAsync(member, CancellationToken.None)).Value!;

    public async Task<IReadOnlyList<LedgerEntry>> EntriesAsync(MemberKey member) =>
        (await host.Get<ILedgerStore>().QueryEntriesAsync(member, new LedgerQuery(PageSize: 100), CancellationToken.None)).Entries;

    public Task<Response> RedeemAsync(string apiKey, object body, string idempotencyKey) =>
        CallAsync(
            Request("POST", "/api/v1/redemptions", body, apiKey, new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey }),
            r => Redemptions.Start(r, host.Client, CancellationToken.None));

    public Task<Response> GetAsync(string apiKey, string redemptionId) =>
        CallAsync(Request("GET", $"/api/v1/redemptions/{redemptionId}", apiKey: apiKey), r => Redemptions.Get(r, host.Client, redemptionId, CancellationToken.None));

    public Task<Response> ShipAsync(string apiKey, string redemptionId, object body) =>
        CallAsync(Request("POST", $"/api/v1/redemptions/{redemptionId}/shipment", body, apiKey), r => Redemptions.Ship(r, host.Client, redemptionId, CancellationToken.None));

    public Task<Response> CancelAsync(string apiKey, string redemptionId, object? body = null) =>
        CallAsync(Request("POST", $"/api/v1/redemptions/{redemptionId}/cancel", body, apiKey), r => Redemptions.Cancel(r, host.Client, redemptionId, CancellationToken.None));

    /// <summary>Redeems through the API and waits for the orchestration to finish; returns the final view.</summary>
    public async Task<Response> RedeemAndWaitAsync(string apiKey, object body, string idempotencyKey)
    {
        var started = await RedeemAsync(apiKey, body, idempotencyKey);
        Assert.True(started.Status is 200 or 202, $"Expected the redemption to start, got {started.Status}: {started.Body}");
        var id = started.Json["redemptionId"]!.GetValue<string>();
        await host.WaitAsync(id);
        return await GetAsync(apiKey, id);
    }

    /// <summary>
    /// Starts the orchestration for a record written directly, skipping the API's early checks, as when stock or points
    /// change between acceptance and the first step.
    /// </summary>
    public async Task<string> StartDirectlyAsync(MemberKey member, string giftId, TimeSpan? deadline = null, ShippingAddress? shipTo = null)
    {
        var gift = (await host.Get<GiftService>().GetAsync(member.TenantId, giftId, CancellationToken.None)).Value!;
        var id = RedemptionIds.For(member.TenantId, Guid.NewGuid().ToString("N"));
        var now = DateTimeOffset.UtcNow;
        await host.Get<IRedemptionStore>().AddOrGetAsync(
            new RedemptionRecord
            {
                TenantId = member.TenantId,
                RedemptionId = id,
                MemberId = member.MemberId,
                GiftId = giftId,
                Kind = gift.Kind,
                GiftName = gift.Name,
                Points = gift.PointsPrice,
                ShipTo = shipTo,
                Status = RedemptionStatus.Accepted,
                Fingerprint = "direct",
                CreatedAt = now,
                UpdatedAt = now,
            },
            CancellationToken.None);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(RedemptionOrchestrator),
            DurableFunctionsHost.Input(member.TenantId, id, member.MemberId, giftId, deadline),
            new Microsoft.DurableTask.StartOrchestrationOptions(id));
        return id;
    }

    public async Task<RedemptionRecord> RecordAsync(string tenantId, string redemptionId) =>
        (await host.Get<IRedemptionStore>().GetAsync(tenantId, redemptionId, CancellationToken.None))!;
}
