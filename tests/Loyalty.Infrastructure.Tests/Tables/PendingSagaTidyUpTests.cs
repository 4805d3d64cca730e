using Loyalty.Core.Family;
using Loyalty.Core.Lottery;
using Loyalty.Core.Members;
using Loyalty.Core.Sagas;
using Loyalty.Core.Tenants;
using Loyalty.Infrastructure.Tests.Support;
using Loyalty.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Loyalty.Infrastructure.Tests.Tables;

/// <summary>The timer's tidy-up finishes transfers and draws a crash left between steps, through the services' own idempotent code.</summary>
public sealed class PendingSagaTidyUpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan PastGrace = PendingSagaTidyUp.GracePeriod + TimeSpan.FromSeconds(30);
    private readonly StorageContext _storage = new(azurite);

    private async Task<(PosServices Services, FakeTimeProvider Time, string Tenant)> TenantAsync()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var services = new PosServices(_storage, time);
        var tenant = "t" + Guid.NewGuid().ToString("N")[..10];
        Assert.True(await services.Tenants.CreateAsync(new Tenant(tenant, "Shop", time.GetUtcNow()), CancellationToken.None));
        return (services, time, tenant);
    }

    private static Task<IReadOnlyList<PendingSaga>> PendingAsync(PosServices services, string tenant) =>
        services.PendingSagas.ListStartedBeforeAsync(tenant, DateTimeOffset.MaxValue, 100, CancellationToken.None);

    private static async Task<TransferRecord> StartTransferAsync(PosServices services, string tenant, MemberKey from, MemberKey to, long points, string transferId)
    {
        // What TransferService does before its first ledger step; the process then "crashed".
        var now = services.Time.GetUtcNow();
        await services.PendingSagas.AddAsync(PendingSaga.Transfer(tenant, transferId, now), CancellationToken.None);
        return await services.Transfers.AddOrGetAsync(new TransferRecord { TenantId = tenant, TransferId = transferId, FromMemberId = from.MemberId, ToMemberId = to.MemberId, Points = points, CreatedAt = now }, CancellationToken.None);
    }

    private static async Task<long> PointsAsync(PosServices services, MemberKey member) => (await services.StateAsync(member)).Lots.Sum(l => l.Remaining);

    [Fact]
    public async Task A_transfer_stopped_after_the_debit_is_completed_once_the_grace_period_has_passed()
    {
        var (services, time, tenant) = await TenantAsync();
        var from = await services.NewMemberAsync(tenant, 100);
        var to = await services.NewMemberAsync(tenant, 0);
        await services.FamilyStore.BindAsync(tenant, from.MemberId, to.MemberId, time.GetUtcNow(), CancellationToken.None);
        await StartTransferAsync(services, tenant, from, to, 25, "stuck");
        var program = await services.Programs.GetAsync(tenant, CancellationToken.None);
        Assert.True((await services.LedgerService.ExecuteAsync(from, new TransferOut("transfer:stuck:out", "stuck", to.MemberId, 25, program.Rules.Transfers, program.Rules.Zone(), time.GetUtcNow()), CancellationToken.None)).IsSuccess);

        var early = await services.TidyUp.RunAsync(CancellationToken.None);
        Assert.Equal(new TidyUpReport(0, 0, 0), early);
        Assert.Equal((75L, 0L), (await PointsAsync(services, from), await PointsAsync(services, to)));

        time.Advance(PastGrace);
        var report = await services.TidyUp.RunAsync(CancellationToken.None);

        Assert.Equal(1, report.Finished);
        Assert.Equal(TransferStatus.Completed, (await services.Transfers.GetAsync(tenant, "stuck", CancellationToken.None))!.Status);
        Assert.Equal((75L, 25L), (await PointsAsync(services, from), await PointsAsync(services, to)));
        Assert.Empty(await PendingAsync(services, tenant));
        Assert.Equal(new TidyUpReport(0, 0, 0), await services.TidyUp.RunAsync(CancellationToken.None));
        Assert.Equal((75L, 25L), (await PointsAsync(services, from), await PointsAsync(services, to)));
    }

    [Fact]
    public async Task A_transfer_recorded_before_the_members_unbound_still_completes()
    {
        var (services, time, tenant) = await TenantAsync();
        var from = await services.NewMemberAsync(tenant, 100);
        var to = await services.NewMemberAsync(tenant, 0);
        await services.FamilyStore.BindAsync(tenant, from.MemberId, to.MemberId, time.GetUtcNow(), CancellationToken.None);
        await StartTransferAsync(services, tenant, from, to, 40, "before-unbind");
        Assert.True((await services.Family.UnbindAsync(from, to.MemberId, CancellationToken.None)).IsSuccess);

        time.Advance(PastGrace);
        await services.TidyUp.RunAsync(CancellationToken.None);

        Assert.Equal(TransferStatus.Completed, (await services.Transfers.GetAsync(tenant, "before-unbind", CancellationToken.None))!.Status);
        Assert.Equal((60L, 40L), (await PointsAsync(services, from), await PointsAsync(services, to)));
    }

    [Fact]
    public async Task Completed_requests_leave_nothing_pending_and_an_index_row_without_a_saga_is_dropped()
    {
        var (services, time, tenant) = await TenantAsync();
        var from = await services.NewMemberAsync(tenant, 100);
        var to = await services.NewMemberAsync(tenant, 0);
        await services.FamilyStore.BindAsync(tenant, from.MemberId, to.MemberId, time.GetUtcNow(), CancellationToken.None);
        await services.LotteryService.SaveAsync(tenant, "spin", new LotteryRequest("Spin", 10, [new LotteryPrizeRequest("cup", "Cup", 1, 5)], 1, true), CancellationToken.None);
        Assert.True((await services.TransferService.TransferAsync(tenant, new TransferRequest(from.MemberId, to.MemberId, 10, null), "ok", CancellationToken.None)).IsSuccess);
        Assert.True((await services.LotteryService.DrawAsync(tenant, "spin", new DrawRequest(from.MemberId), "ok", CancellationToken.None)).IsSuccess);
        Assert.Empty(await PendingAsync(services, tenant));
        await services.PendingSagas.AddAsync(PendingSaga.Transfer(tenant, "never-recorded", time.GetUtcNow()), CancellationToken.None);
        await services.PendingSagas.AddAsync(PendingSaga.Draw(tenant, "spin", "never-drawn", time.GetUtcNow()), CancellationToken.None);

        time.Advance(PastGrace);
        var report = await services.TidyUp.RunAsync(CancellationToken.None);

        Assert.Equal(new TidyUpReport(0, 0, 2), report);
        Assert.Empty(await PendingAsync(services, tenant));
    }

    [Theory]
    [InlineData(50, DrawStatus.Charged)]
    [InlineData(5, DrawStatus.Void)]
    public async Task A_reserved_draw_is_charged_or_voided_with_its_prize_back_in_stock(long points, DrawStatus expected)
    {
        var (services, time, tenant) = await TenantAsync();
        var member = await services.NewMemberAsync(tenant, points);
        await services.LotteryService.SaveAsync(tenant, "wheel", new LotteryRequest("Wheel", 10, [new LotteryPrizeRequest("tv", "TV", 1, 1)], 0, true), CancellationToken.None);
        var lottery = (await services.Lotteries.GetAsync(tenant, "wheel", CancellationToken.None))!;
        var draw = new LotteryDraw
        {
            DrawId = "d1", LotteryId = "wheel", MemberId = member.MemberId, Number = 0, Odds = OddsTable.For(lottery).Format(), OddsVersion = lottery.Version,
            Outcome = "tv", PrizeName = "TV", CostPoints = 10, DrawnAt = time.GetUtcNow(),
        };
        await services.PendingSagas.AddAsync(PendingSaga.Draw(tenant, "wheel", "d1", time.GetUtcNow()), CancellationToken.None);
        var taken = lottery with { Prizes = [lottery.Prizes[0] with { Stock = 0, Awarded = 1 }] };
        Assert.Equal(ReserveResult.Reserved, await services.Lotteries.TryReserveAsync(taken, draw, CancellationToken.None));

        time.Advance(PastGrace);
        var report = await services.TidyUp.RunAsync(CancellationToken.None);

        Assert.Equal(1, report.Finished);
        Assert.Equal(expected, (await services.Lotteries.GetDrawAsync(tenant, "wheel", "d1", CancellationToken.None))!.Status);
        var prize = (await services.Lotteries.GetAsync(tenant, "wheel", CancellationToken.None))!.Prizes[0];
        Assert.Equal(expected == DrawStatus.Charged ? (0L, 1L, points - 10) : (1L, 0L, points), (prize.Stock, prize.Awarded, await PointsAsync(services, member)));
        Assert.Empty(await PendingAsync(services, tenant));
    }
}
