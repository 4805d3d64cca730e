using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Members;
using Loyalty.Core.Sagas;
using Loyalty.Core.Tenants;
using Loyalty.Infrastructure.Tests.Support;
using Loyalty.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Loyalty.Infrastructure.Tests.Tables;

/// <summary>A merge that crashed between its steps is in the pending-saga index, and the tidy-up takes it to a consistent end.</summary>
public sealed class MergeSagaTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan PastGrace = PendingSagaTidyUp.GracePeriod + TimeSpan.FromSeconds(30);
    private readonly StorageContext _storage = new(azurite);

    private async Task<(PosServices Services, CrashingLedgerStore Crash, FakeTimeProvider Time, string Tenant)> TenantAsync(bool afterWrite)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        CrashingLedgerStore? crash = null;
        var services = new PosServices(_storage, time, store => crash = new CrashingLedgerStore(store, LedgerEntryType.MergeIn, afterWrite));
        var tenant = "t" + Guid.NewGuid().ToString("N")[..10];
        Assert.True(await services.Tenants.CreateAsync(new Tenant(tenant, "Shop", time.GetUtcNow()), CancellationToken.None));
        return (services, crash!, time, tenant);
    }

    /// <summary>300 points in two expiries.</summary>
    private static async Task<MemberKey> SourceAsync(PosServices services, string tenant)
    {
        var source = await services.NewMemberAsync(tenant, 200);
        var soon = await services.LedgerService.ExecuteAsync(source, new EarnPoints("seed-soon", new EarnRequest(100, services.Time.GetUtcNow().AddDays(30), "seed", null, null)), CancellationToken.None);
        Assert.True(soon.IsSuccess);
        return source;
    }

    private static async Task<List<(DateTimeOffset ExpiresAt, long Points)>> ByExpiryAsync(PosServices services, MemberKey member) =>
        [.. (await services.StateAsync(member)).Lots.GroupBy(l => l.ExpiresAt).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(l => l.Remaining)))];

    private static async Task<List<LedgerEntryType>> TypesAsync(PosServices services, MemberKey member) =>
        [.. (await services.Ledger.QueryEntriesAsync(member, new LedgerQuery(PageSize: 100), CancellationToken.None)).Entries.Select(e => e.Type).Order()];

    private static Task<IReadOnlyList<PendingSaga>> PendingAsync(PosServices services, string tenant) =>
        services.PendingSagas.ListStartedBeforeAsync(tenant, DateTimeOffset.MaxValue, 100, CancellationToken.None);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_merge_that_crashed_before_the_target_was_credited_is_completed_by_the_tidy_up_and_nothing_moves_twice(bool afterWrite)
    {
        var (services, crash, time, tenant) = await TenantAsync(afterWrite);
        var source = await SourceAsync(services, tenant);
        var target = await services.NewMemberAsync(tenant, 100);
        var expected = (await ByExpiryAsync(services, source)).Concat(await ByExpiryAsync(services, target))
            .GroupBy(p => p.ExpiresAt).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(p => p.Points))).ToList();

        await Assert.ThrowsAsync<InvalidOperationException>(() => services.MergeService.MergeAsync(target, new MergeRequest(source.MemberId), CancellationToken.None));

        Assert.Equal(1, crash.Crashes);
        Assert.Equal(MergeStatus.MovedOut, (await services.Merges.GetAsync(tenant, source.MemberId, CancellationToken.None))!.Status);
        var row = Assert.Single(await PendingAsync(services, tenant));
        Assert.Equal((SagaKind.Merge, source.MemberId), (row.Kind, row.Id));
        Assert.Equal(MemberStatus.Merged, (await services.StateAsync(source)).Account.Status);
        Assert.Empty((await services.StateAsync(source)).Lots);
        foreach (var member in new[] { source, target })
        {
            Assert.Equal(SagasInFlight.PendingMergeCode, (await services.SagasInFlight.CheckAsync(SagaKind.Merge, member, CancellationToken.None))?.Code);
        }

        var other = await services.NewMemberAsync(tenant, 5);
        var intoBusy = await services.MergeService.MergeAsync(target, new MergeRequest(other.MemberId), CancellationToken.None);
        Assert.Equal(SagasInFlight.PendingMergeCode, intoBusy.Error?.Code);
        Assert.Equal(new TidyUpReport(0, 0, 0), await services.TidyUp.RunAsync(CancellationToken.None));

        time.Advance(PastGrace);
        var report = await services.TidyUp.RunAsync(CancellationToken.None);

        Assert.Equal(new TidyUpReport(1, 0, 0), report);
        var merge = (await services.Merges.GetAsync(tenant, source.MemberId, CancellationToken.None))!;
        Assert.Equal((MergeStatus.Completed, 300L), (merge.Status, merge.Points));
        Assert.Equal(expected, await ByExpiryAsync(services, target));
        Assert.Empty((await services.StateAsync(source)).Lots);
        Assert.Empty(await PendingAsync(services, tenant));
        Assert.Null(await services.SagasInFlight.CheckAsync(SagaKind.Merge, target, CancellationToken.None));

        Assert.Equal(new TidyUpReport(0, 0, 0), await services.TidyUp.RunAsync(CancellationToken.None));
        var retry = await services.MergeService.MergeAsync(target, new MergeRequest(source.MemberId), CancellationToken.None);
        Assert.Equal((MergeStatus.Completed, merge.InEntryId), (retry.Value!.Status, retry.Value.InEntryId));
        Assert.Equal(expected, await ByExpiryAsync(services, target));
        Assert.Equal(1, (await TypesAsync(services, source)).Count(t => t == LedgerEntryType.MergeOut));
        Assert.Equal(1, (await TypesAsync(services, target)).Count(t => t == LedgerEntryType.MergeIn));
        Assert.Empty(await PendingAsync(services, tenant));
    }

    [Fact]
    public async Task A_merge_whose_target_was_erased_while_in_flight_gives_the_source_its_points_back_once()
    {
        var (services, _, time, tenant) = await TenantAsync(afterWrite: false);
        var source = await SourceAsync(services, tenant);
        var target = await services.NewMemberAsync(tenant, 100);
        var before = await ByExpiryAsync(services, source);
        await Assert.ThrowsAsync<InvalidOperationException>(() => services.MergeService.MergeAsync(target, new MergeRequest(source.MemberId), CancellationToken.None));

        // An erasure that passed its own check before the merge began, committed while the merge was between its steps.
        Assert.True((await services.LedgerService.ExecuteAsync(target, new EraseAccount("erase-1", "Member request"), CancellationToken.None)).IsSuccess);
        time.Advance(PastGrace);
        var report = await services.TidyUp.RunAsync(CancellationToken.None);

        Assert.Equal(new TidyUpReport(1, 0, 0), report);
        var merge = (await services.Merges.GetAsync(tenant, source.MemberId, CancellationToken.None))!;
        Assert.Equal((MergeStatus.Returned, MemberService.MemberErasedCode), (merge.Status, merge.FailureCode));
        var reopened = (await services.StateAsync(source)).Account;
        Assert.Equal((MemberStatus.Active, null, true), (reopened.Status, reopened.MergedInto, reopened.SmsAllowed));
        Assert.Equal(before, await ByExpiryAsync(services, source));
        Assert.Empty((await services.StateAsync(target)).Lots);
        Assert.Empty(await PendingAsync(services, tenant));

        Assert.Equal(new TidyUpReport(0, 0, 0), await services.TidyUp.RunAsync(CancellationToken.None));
        var retry = await services.MergeService.MergeAsync(target, new MergeRequest(source.MemberId), CancellationToken.None);
        Assert.Equal(MergeStatus.Returned, retry.Value!.Status);
        Assert.Equal(before, await ByExpiryAsync(services, source));
        Assert.Equal([LedgerEntryType.MergeOut, LedgerEntryType.MergeIn], (await TypesAsync(services, source)).Where(t => t is LedgerEntryType.MergeOut or LedgerEntryType.MergeIn).Order().ToList());
        var earned = await services.LedgerService.ExecuteAsync(source, new EarnPoints("after-return", new EarnRequest(5, time.GetUtcNow().AddYears(1), "seed", null, null)), CancellationToken.None);
        Assert.True(earned.IsSuccess);
    }

    [Fact]
    public async Task An_index_row_whose_merge_was_never_recorded_is_dropped()
    {
        var (services, _, time, tenant) = await TenantAsync(afterWrite: false);
        await services.PendingSagas.AddAsync(PendingSaga.Merge(tenant, "never-merged", time.GetUtcNow()), CancellationToken.None);

        time.Advance(PastGrace);

        Assert.Equal(new TidyUpReport(0, 0, 1), await services.TidyUp.RunAsync(CancellationToken.None));
        Assert.Empty(await PendingAsync(services, tenant));
    }
}
