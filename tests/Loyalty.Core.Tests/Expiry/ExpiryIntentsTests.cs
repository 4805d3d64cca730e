using Loyalty.Core.Expiry;
using Loyalty.Core.Ledger;
using static Loyalty.Core.Tests.Support.Accounts;

namespace Loyalty.Core.Tests.Expiry;

public sealed class ExpiryIntentsTests
{
    [Fact]
    public void Only_lots_the_change_creates_are_indexed_and_never_expiring_ones_are_not()
    {
        var kept = Lot("kept", 10, Now.AddDays(30));
        var created = Lot("new", 5, Now.AddDays(60));
        var forever = Lot("forever", 5, PointsLot.NeverExpires);

        var expiries = ExpiryIntents.NewLotExpiries([kept], [kept with { Remaining = 4 }, created, forever]);

        Assert.Equal([Now.AddDays(60)], expiries);
    }

    [Fact]
    public async Task A_ledger_change_records_its_new_lot_in_the_index_before_the_batch_commits()
    {
        var store = new Support.InMemoryLedgerStore();
        var index = new RecordingIndex(store);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        var ledger = new LedgerService(store, time, expiryIndex: index);
        await store.CreateAccountAsync(New(), [], [], CancellationToken.None);

        var earned = await ledger.ExecuteAsync(Key, new Core.Ledger.Commands.EarnPoints("k", new EarnRequest(50, Now.AddDays(7), "grant", null, "gift")), CancellationToken.None);
        var merged = await ledger.ExecuteAsync(Key, new Core.Ledger.Commands.EarnPoints("k2", new EarnRequest(20, Now.AddDays(7), "grant", null, "gift")), CancellationToken.None);

        Assert.True(earned.IsSuccess && merged.IsSuccess);
        // The second credit merged into the first lot: nothing new to index.
        Assert.Equal([(Key.MemberId, Now.AddDays(7), false)], index.Recorded);
        Assert.Equal(2, store.Commits);
    }

    /// <summary>Remembers each row and whether the member's batch had already committed when it was written.</summary>
    private sealed class RecordingIndex(Support.InMemoryLedgerStore store) : IExpiryIndex
    {
        public List<(string MemberId, DateTimeOffset ExpiresAt, bool Committed)> Recorded { get; } = [];

        public Task RecordAsync(Core.Members.MemberKey member, IReadOnlyCollection<DateTimeOffset> expiries, CancellationToken cancellationToken)
        {
            var committed = store.Commits > 0;
            Recorded.AddRange(expiries.Select(e => (member.MemberId, e, committed)));
            return Task.CompletedTask;
        }

        public Task<ExpiryIndexPage> PageAsync(string tenantId, ExpiryWindow window, string? cursor, int max, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RemoveAsync(string tenantId, IReadOnlyCollection<ExpiryIndexEntry> entries, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
