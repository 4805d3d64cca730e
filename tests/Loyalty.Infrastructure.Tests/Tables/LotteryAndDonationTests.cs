using Loyalty.Core.Donations;
using Loyalty.Core.Ledger;
using Loyalty.Core.Lottery;
using Loyalty.Infrastructure.Tests.Support;
using Loyalty.Testing;
using Loyalty.Testing.Lottery;

namespace Loyalty.Infrastructure.Tests.Tables;

public sealed class LotteryAndDonationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly StorageContext _storage = new(azurite);

    [Fact]
    public async Task Concurrent_draws_never_take_prize_stock_below_zero_and_the_rest_win_nothing()
    {
        var services = new PosServices(_storage, TimeProvider.System);
        var saved = await services.LotteryService.SaveAsync("shop", "race", new LotteryRequest("Race", 10, [new LotteryPrizeRequest("tv", "TV", 1000, 3)], 0, true), CancellationToken.None);
        Assert.True(saved.IsSuccess);
        // The two tables the published lottery allows while draws race: the TV in stock, or gone (its range then wins nothing).
        var published = saved.Value!;
        var inStock = PublishedOdds.From(published.Prizes.Select(p => (p.PrizeId, p.Weight, p.Stock)), published.NoPrizeWeight);
        var soldOut = PublishedOdds.From(published.Prizes.Select(p => (p.PrizeId, p.Weight, 0L)), published.NoPrizeWeight);
        var members = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => services.NewMemberAsync("shop", 10)));

        var draws = await Task.WhenAll(members.Select((m, i) => Task.Run(() => services.LotteryService.DrawAsync("shop", "race", new DrawRequest(m.MemberId), $"draw-{i}", CancellationToken.None))));

        Assert.All(draws, d => Assert.True(d.IsSuccess, d.Error?.Code));
        Assert.Equal(3, draws.Count(d => d.Value!.Won));
        var lottery = (await services.Lotteries.GetAsync("shop", "race", CancellationToken.None))!;
        Assert.Equal((0L, 3L), (lottery.Prizes[0].Stock, lottery.Prizes[0].Awarded));
        foreach (var (member, draw) in members.Zip(draws))
        {
            var entry = (await services.Ledger.QueryEntriesAsync(member, new LedgerQuery(new HashSet<LedgerEntryType> { LedgerEntryType.Lottery }), CancellationToken.None)).Entries.Single();
            Assert.Equal(-10, entry.Delta);
            var recorded = Assert.Single(new[] { inStock, soldOut }, t => t.AsRecorded() == entry.Details["odds"]);
            Assert.Equal(draw.Value!.Outcome, recorded.OutcomeOf(long.Parse(entry.Details["number"], System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public async Task A_repeated_draw_request_replays_the_recorded_outcome_and_charges_once()
    {
        var services = new PosServices(_storage, TimeProvider.System);
        await services.LotteryService.SaveAsync("shop", "again", new LotteryRequest("Again", 5, [new LotteryPrizeRequest("cup", "Cup", 1, 100)], 1, true), CancellationToken.None);
        var member = await services.NewMemberAsync("shop", 20);

        var first = await services.LotteryService.DrawAsync("shop", "again", new DrawRequest(member.MemberId), "k", CancellationToken.None);
        var second = await services.LotteryService.DrawAsync("shop", "again", new DrawRequest(member.MemberId), "k", CancellationToken.None);

        Assert.Equal((first.Value!.Number, first.Value.Outcome, first.Value.EntryId), (second.Value!.Number, second.Value.Outcome, second.Value.EntryId));
        Assert.Equal(15, (await services.StateAsync(member)).Lots.Sum(l => l.Remaining));
    }

    [Fact]
    public async Task Concurrent_donations_all_count_toward_the_project_total_and_a_retry_counts_once()
    {
        var services = new PosServices(_storage, TimeProvider.System);
        await services.Donations.SaveProjectAsync("shop", "trees", new CharityProjectRequest("Plant trees", null, true), CancellationToken.None);
        var members = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => services.NewMemberAsync("shop", 100)));

        var receipts = await Task.WhenAll(members.Select((m, i) => Task.Run(() => services.Donations.DonateAsync("shop", new DonationRequest(m.MemberId, "trees", 10 + i), $"d-{i}", CancellationToken.None))));
        var retry = await services.Donations.DonateAsync("shop", new DonationRequest(members[0].MemberId, "trees", 10), "d-0", CancellationToken.None);

        Assert.All(receipts, r => Assert.True(r.IsSuccess));
        Assert.Equal(receipts[0].Value!.ReceiptNumber, retry.Value!.ReceiptNumber);
        var project = (await services.Charity.GetAsync("shop", "trees", CancellationToken.None))!;
        Assert.Equal((Enumerable.Range(0, 8).Sum(i => 10L + i), 8L), (project.TotalPoints, project.Donations));
        Assert.Equal(90, (await services.StateAsync(members[0])).Lots.Sum(l => l.Remaining));
    }
}
