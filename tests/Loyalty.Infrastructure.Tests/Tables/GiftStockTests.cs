using Azure.Data.Tables;
using Loyalty.Core.Gifts;
using Loyalty.Infrastructure.Tables;
using Loyalty.Infrastructure.Tests.Support;
using Loyalty.Testing;

namespace Loyalty.Infrastructure.Tests.Tables;

/// <summary>Stock and code pools against a real Azurite: races, retries and idempotent reserve/release.</summary>
public sealed class GiftStockTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly StorageContext _storage = new(azurite);

    private TableGiftCatalog Catalog => new(_storage.Tables);

    private TableGiftCodePool Pool => new(_storage.Tables);

    private GiftService Gifts => new(Catalog, Pool, TimeProvider.System);

    private GiftStockService Stock => new(Catalog, TimeProvider.System);

    private async Task<(string Tenant, string GiftId)> NewGiftAsync(long stock, int? perMemberLimit = null, GiftKind kind = GiftKind.Physical)
    {
        var tenant = "shop-" + Guid.NewGuid().ToString("N")[..8];
        var definition = new GiftDefinition("Mug", null, null, kind, 100, perMemberLimit, null, null, null, null, null, null, null, null);
        Assert.True((await Gifts.PutAsync(tenant, "mug", definition, CancellationToken.None)).IsSuccess);
        if (stock > 0)
        {
            Assert.True((await Gifts.AdjustStockAsync(tenant, "mug", stock, "initial", CancellationToken.None)).IsSuccess);
        }

        return (tenant, "mug");
    }

    private async Task<long> StockOfAsync(string tenant, string giftId) => (await Catalog.GetAsync(tenant, giftId, CancellationToken.None))!.Stock;

    [Fact]
    public async Task Twenty_concurrent_reservations_of_the_last_unit_let_exactly_one_through()
    {
        var (tenant, giftId) = await NewGiftAsync(stock: 1);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Stock.ReserveAsync(tenant, giftId, $"m-{i}", "normal", $"r-{i}", DateTimeOffset.UtcNow, CancellationToken.None))));

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("out-of-stock", r.Error!.Code));
        Assert.Equal(0, await StockOfAsync(tenant, giftId));
    }

    [Fact]
    public async Task Fifty_concurrent_reservations_against_ten_units_let_exactly_ten_through()
    {
        var (tenant, giftId) = await NewGiftAsync(stock: 10);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => Stock.ReserveAsync(tenant, giftId, $"m-{i}", "normal", $"r-{i}", DateTimeOffset.UtcNow, CancellationToken.None))));

        Assert.Equal(10, results.Count(r => r.IsSuccess));
        Assert.Equal(0, await StockOfAsync(tenant, giftId));
    }

    [Fact]
    public async Task Concurrent_reservations_by_one_member_stop_at_the_per_member_limit()
    {
        var (tenant, giftId) = await NewGiftAsync(stock: 100, perMemberLimit: 3);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => Stock.ReserveAsync(tenant, giftId, "m-1", "normal", $"r-{i}", DateTimeOffset.UtcNow, CancellationToken.None))));

        Assert.Equal(3, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("member-limit-reached", r.Error!.Code));
        Assert.Equal(97, await StockOfAsync(tenant, giftId));
        Assert.Equal(3, (await Catalog.GetMemberCountAsync(tenant, giftId, "m-1", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Reserving_twice_takes_one_unit_and_releasing_twice_gives_one_back()
    {
        var (tenant, giftId) = await NewGiftAsync(stock: 5, perMemberLimit: 1);

        var first = await Stock.ReserveAsync(tenant, giftId, "m-1", "normal", "r-1", DateTimeOffset.UtcNow, CancellationToken.None);
        var second = await Stock.ReserveAsync(tenant, giftId, "m-1", "normal", "r-1", DateTimeOffset.UtcNow, CancellationToken.None);
        var afterReserve = await StockOfAsync(tenant, giftId);
        var released = await Stock.ReleaseAsync(tenant, giftId, "r-1", CancellationToken.None);
        var releasedAgain = await Stock.ReleaseAsync(tenant, giftId, "r-1", CancellationToken.None);
        var reReserve = await Stock.ReserveAsync(tenant, giftId, "m-1", "normal", "r-1", DateTimeOffset.UtcNow, CancellationToken.None);
        var nextRedemption = await Stock.ReserveAsync(tenant, giftId, "m-1", "normal", "r-2", DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.True(first.IsSuccess);
        Assert.Equal(first.Value, second.Value! with { ETag = first.Value!.ETag });
        Assert.Equal(4, afterReserve);
        Assert.True(released.Value);
        Assert.False(releasedAgain.Value);
        Assert.Equal("reservation-released", reReserve.Error?.Code);
        Assert.True(nextRedemption.IsSuccess, "releasing gave the member's limit back");
        Assert.Equal(4, await StockOfAsync(tenant, giftId));
    }

    [Fact]
    public async Task A_redemption_asked_for_before_the_gift_closed_is_reserved_after_it_closed()
    {
        var tenant = "shop-" + Guid.NewGuid().ToString("N")[..8];
        var closedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        var definition = new GiftDefinition("Mug", null, null, GiftKind.Physical, 100, null, null, null, null, closedAt.AddDays(-7), closedAt, null, null, null);
        Assert.True((await Gifts.PutAsync(tenant, "mug", definition, CancellationToken.None)).IsSuccess);
        Assert.True((await Gifts.AdjustStockAsync(tenant, "mug", 2, "initial", CancellationToken.None)).IsSuccess);

        var askedInTime = await Stock.ReserveAsync(tenant, "mug", "m-1", "normal", "r-1", closedAt.AddSeconds(-1), CancellationToken.None);
        var askedLate = await Stock.ReserveAsync(tenant, "mug", "m-2", "normal", "r-2", closedAt, CancellationToken.None);

        Assert.True(askedInTime.IsSuccess, askedInTime.Error?.Message);
        Assert.Equal("gift-unavailable", askedLate.Error?.Code);
    }

    [Fact]
    public async Task Releasing_what_was_never_reserved_changes_nothing()
    {
        var (tenant, giftId) = await NewGiftAsync(stock: 2);

        var released = await Stock.ReleaseAsync(tenant, giftId, "never", CancellationToken.None);

        Assert.False(released.Value);
        Assert.Equal(2, await StockOfAsync(tenant, giftId));
    }

    [Fact]
    public async Task Concurrent_releases_of_one_reservation_return_one_unit()
    {
        var (tenant, giftId) = await NewGiftAsync(stock: 1);
        await Stock.ReserveAsync(tenant, giftId, "m-1", "normal", "r-1", DateTimeOffset.UtcNow, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Stock.ReleaseAsync(tenant, giftId, "r-1", CancellationToken.None))));

        Assert.Single(results, r => r.Value);
        Assert.Equal(1, await StockOfAsync(tenant, giftId));
    }

    [Fact]
    public async Task A_definition_update_racing_with_reservations_loses_no_stock_change()
    {
        var (tenant, giftId) = await NewGiftAsync(stock: 30);
        var definition = new GiftDefinition("Renamed mug", null, null, GiftKind.Physical, 120, null, null, null, null, null, null, null, null, null);

        var reservations = Enumerable.Range(0, 20).Select(i => Task.Run(() => Stock.ReserveAsync(tenant, giftId, $"m-{i}", "normal", $"r-{i}", DateTimeOffset.UtcNow, CancellationToken.None)));
        var updates = Enumerable.Range(0, 5).Select(_ => Task.Run(() => Gifts.PutAsync(tenant, giftId, definition, CancellationToken.None)));
        await Task.WhenAll([.. reservations, .. updates]);

        var gift = (await Catalog.GetAsync(tenant, giftId, CancellationToken.None))!;
        Assert.Equal(10, gift.Stock);
        Assert.Equal("Renamed mug", gift.Name);
    }

    [Fact]
    public async Task Twenty_concurrent_claims_on_five_codes_issue_each_code_once()
    {
        var (tenant, giftId) = await NewGiftAsync(stock: 0, kind: GiftKind.Virtual);
        string[] codes = ["CODE-0001", "CODE-0002", "CODE-0003", "CODE-0004", "CODE-0005"];
        Assert.Equal(5, await Pool.AddAsync(tenant, giftId, codes, "load-1", CancellationToken.None));

        var claimed = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => Pool.ClaimAsync(tenant, giftId, $"r-{i}", CancellationToken.None))));
        var again = await Pool.ClaimAsync(tenant, giftId, "r-0", CancellationToken.None);

        Assert.Equal(codes, claimed.OfType<string>().Order());
        Assert.Equal(15, claimed.Count(c => c is null));
        Assert.Equal(claimed[0], again);
    }

    [Fact]
    public async Task Reloading_codes_counts_only_the_codes_of_that_load()
    {
        var (tenant, giftId) = await NewGiftAsync(stock: 0, kind: GiftKind.Virtual);
        var codes = Enumerable.Range(0, 150).Select(i => $"CODE-{i:D4}").ToList();

        var first = await Pool.AddAsync(tenant, giftId, codes, "load-1", CancellationToken.None);
        var retried = await Pool.AddAsync(tenant, giftId, codes, "load-1", CancellationToken.None);
        var other = await Pool.AddAsync(tenant, giftId, [.. codes.Take(2), "CODE-NEW1"], "load-2", CancellationToken.None);

        Assert.Equal(150, first);
        Assert.Equal(150, retried);
        Assert.Equal(1, other);
    }

    [Fact]
    public void A_batch_with_a_row_of_another_partition_is_refused_before_it_is_sent()
    {
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("shop-a", "gift:x")),
            new(TableTransactionActionType.Add, new TableEntity("shop-b", "res:x:r")),
        ];

        Assert.Throws<InvalidOperationException>(() => TableGiftCatalog.EnsureSinglePartition("shop-a", actions));
    }
}
