using Loyalty.Core.Family;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Infrastructure.Tests.Support;
using Loyalty.Testing;

namespace Loyalty.Infrastructure.Tests.Tables;

/// <summary>Transfers cross two partitions: every step idempotent, driven by the transfer record; never a cross-partition batch.</summary>
public sealed class TransferTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly StorageContext _storage = new(azurite);

    private static async Task<(MemberKey From, MemberKey To)> FamilyAsync(PosServices services, string tenant, long points, DateTimeOffset expiresAt)
    {
        var from = await services.NewMemberAsync(tenant, points, expiresAt);
        var to = await services.NewMemberAsync(tenant, 0);
        await services.FamilyStore.BindAsync(tenant, from.MemberId, to.MemberId, DateTimeOffset.UtcNow, CancellationToken.None);
        return (from, to);
    }

    [Fact]
    public async Task A_transfer_moves_points_with_their_expiry_and_both_ledgers_name_the_counterparty()
    {
        var services = new PosServices(_storage, TimeProvider.System);
        var expiry = DateTimeOffset.UtcNow.AddDays(40).UtcDateTime.Date;
        var (from, to) = await FamilyAsync(services, "shop", 100, expiry);

        var transfer = await services.TransferService.TransferAsync("shop", new TransferRequest(from.MemberId, to.MemberId, 30, "for you"), "t-1", CancellationToken.None);

        Assert.Equal(TransferStatus.Completed, transfer.Value!.Status);
        var received = Assert.Single((await services.StateAsync(to)).Lots);
        Assert.Equal((30L, new DateTimeOffset(expiry)), (received.Remaining, received.ExpiresAt));
        Assert.Equal(70, (await services.StateAsync(from)).Lots.Sum(l => l.Remaining));
        var outEntry = (await services.Ledger.QueryEntriesAsync(from, new LedgerQuery(new HashSet<LedgerEntryType> { LedgerEntryType.TransferOut }), CancellationToken.None)).Entries.Single();
        var inEntry = (await services.Ledger.QueryEntriesAsync(to, new LedgerQuery(new HashSet<LedgerEntryType> { LedgerEntryType.TransferIn }), CancellationToken.None)).Entries.Single();
        Assert.Equal((to.MemberId, from.MemberId), (outEntry.Details["counterparty"], inEntry.Details["counterparty"]));
    }

    [Fact]
    public async Task A_transfer_that_stopped_after_the_debit_is_completed_by_a_retry()
    {
        var services = new PosServices(_storage, TimeProvider.System);
        var (from, to) = await FamilyAsync(services, "shop", 100, DateTimeOffset.UtcNow.AddDays(40));
        var request = new TransferRequest(from.MemberId, to.MemberId, 25, null);
        var transferId = Core.Common.DerivedId.From("transfer", "crash");
        var program = await services.Programs.GetAsync("shop", CancellationToken.None);
        await services.Transfers.AddOrGetAsync(new TransferRecord { TenantId = "shop", TransferId = transferId, FromMemberId = from.MemberId, ToMemberId = to.MemberId, Points = 25, CreatedAt = DateTimeOffset.UtcNow }, CancellationToken.None);
        await services.LedgerService.ExecuteAsync(from, new TransferOut($"transfer:{transferId}:out", transferId, to.MemberId, 25, program.Rules.Transfers, program.Rules.Zone(), DateTimeOffset.UtcNow), CancellationToken.None);

        var retried = await services.TransferService.TransferAsync("shop", request, "crash", CancellationToken.None);

        Assert.Equal(TransferStatus.Completed, retried.Value!.Status);
        Assert.Equal((75, 25), ((await services.StateAsync(from)).Lots.Sum(l => l.Remaining), (await services.StateAsync(to)).Lots.Sum(l => l.Remaining)));
    }

    [Fact]
    public async Task Points_return_to_the_sender_with_their_expiry_when_the_receiver_cannot_be_credited()
    {
        var services = new PosServices(_storage, TimeProvider.System);
        var expiry = DateTimeOffset.UtcNow.AddDays(40);
        var from = await services.NewMemberAsync("shop", 100, expiry);
        var record = await services.Transfers.AddOrGetAsync(new TransferRecord { TenantId = "shop", TransferId = "orphan", FromMemberId = from.MemberId, ToMemberId = "gone", Points = 60, CreatedAt = DateTimeOffset.UtcNow }, CancellationToken.None);

        var result = await services.TransferService.ResumeAsync(record, CancellationToken.None);

        Assert.Equal((TransferStatus.Returned, "member-not-found"), (result.Value!.Status, result.Value.FailureCode));
        var lots = (await services.StateAsync(from)).Lots;
        Assert.Equal(100, lots.Sum(l => l.Remaining));
        Assert.All(lots, l => Assert.Equal(expiry, l.ExpiresAt));
        var counters = (await services.StateAsync(from)).Account.State;
        Assert.Equal(("0", "0"), (counters[TransferOut.CountKey], counters[TransferOut.PointsKey]));
        var again = await services.TransferService.ResumeAsync((await services.Transfers.GetAsync("shop", "orphan", CancellationToken.None))!, CancellationToken.None);
        Assert.Equal(TransferStatus.Returned, again.Value!.Status);
        Assert.Equal(100, (await services.StateAsync(from)).Lots.Sum(l => l.Remaining));
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_transfer_move_the_points_once()
    {
        var services = new PosServices(_storage, TimeProvider.System);
        var (from, to) = await FamilyAsync(services, "shop", 100, DateTimeOffset.UtcNow.AddDays(40));
        var request = new TransferRequest(from.MemberId, to.MemberId, 10, null);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => services.TransferService.TransferAsync("shop", request, "dup", CancellationToken.None))));

        Assert.Contains(results, r => r.IsSuccess);
        Assert.Equal((90, 10), ((await services.StateAsync(from)).Lots.Sum(l => l.Remaining), (await services.StateAsync(to)).Lots.Sum(l => l.Remaining)));
        Assert.Equal(TransferStatus.Completed, (await services.TransferService.TransferAsync("shop", request, "dup", CancellationToken.None)).Value!.Status);
    }

    [Fact]
    public async Task Members_who_are_not_family_cannot_transfer()
    {
        var services = new PosServices(_storage, TimeProvider.System);
        var from = await services.NewMemberAsync("shop", 100);
        var stranger = await services.NewMemberAsync("shop", 0);

        var refused = await services.TransferService.TransferAsync("shop", new TransferRequest(from.MemberId, stranger.MemberId, 10, null), "x", CancellationToken.None);

        Assert.Equal("not-family", refused.Error!.Code);
        Assert.Equal(100, (await services.StateAsync(from)).Lots.Sum(l => l.Remaining));
    }
}
