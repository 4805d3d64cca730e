using System.Globalization;
using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Members;
using Loyalty.Core.Redemptions;
using Loyalty.Infrastructure.Tables;
using Loyalty.Infrastructure.Tests.Support;
using Loyalty.Testing;

namespace Loyalty.Infrastructure.Tests.Tables;

/// <summary>Redemption debits already in storage were written with "expiry:{lotId}" per lot; new ones with "portions". Both refund with their expiries.</summary>
public sealed class RedemptionDebitFormatTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly StorageContext _storage = new(azurite);
    private readonly DateTimeOffset _now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private TableLedgerStore Store => new(_storage.Tables, _storage.Cipher);

    private LedgerService Ledger => new(Store, TimeProvider.System);

    private DateTimeOffset Soon => _now.AddDays(10);

    private DateTimeOffset Later => _now.AddDays(200);

    /// <summary>A member with 30 points expiring soon and 100 later.</summary>
    private async Task<MemberKey> MemberAsync()
    {
        var key = new MemberKey("shop", "m-" + Guid.NewGuid().ToString("N")[..12]);
        Assert.True(await Store.CreateAccountAsync(new MemberAccount { Key = key, RegisteredAt = _now }, [], [], CancellationToken.None));
        foreach (var (id, points, expiresAt) in new[] { ("soon", 30L, Soon), ("later", 100L, Later) })
        {
            var earned = await Ledger.ExecuteAsync(key, new EarnPoints(id, new EarnRequest(points, expiresAt, "seed", null, null) { AvailableAt = _now.AddMinutes(-5) }), CancellationToken.None);
            Assert.True(earned.IsSuccess);
        }

        return key;
    }

    private async Task<IReadOnlyList<(DateTimeOffset, long)>> RefundAsync(MemberKey key, string redemptionId)
    {
        var debit = (await Store.FindIdempotencyAsync(key, RedemptionIds.DebitKey(redemptionId), CancellationToken.None))!.Outcome.Entry!;
        var refunded = await Ledger.ExecuteAsync(key, new RedemptionRefund(redemptionId, debit, "reversed"), CancellationToken.None);
        Assert.Equal(50, refunded.Value!.Entry!.Delta);
        var state = (await Store.LoadAsync(key, CancellationToken.None))!;
        return [.. state.Lots.OrderBy(l => l.ExpiresAt).Select(l => (l.ExpiresAt, l.Remaining))];
    }

    [Fact]
    public async Task A_debit_stored_in_the_old_per_lot_expiry_format_refunds_each_part_with_its_expiry()
    {
        var key = await MemberAsync();
        // Written as the ledger wrote redemption debits before: the spend entry notes "expiry:{lotId}" (ISO time) per lot taken.
        var state = (await Store.LoadAsync(key, CancellationToken.None))!;
        var tx = new LedgerTransaction(state, _now, RedemptionIds.DebitKey("r-old"));
        var expiries = tx.Lots.ToDictionary(l => l.LotId, l => l.ExpiresAt);
        var spent = tx.Spend(50, LedgerEntryType.Spend, "r-old", "Redeemed gift mug").Value!;
        var oldFormat = spent with
        {
            Details = spent.Lots.Keys.ToDictionary(id => $"expiry:{id}", id => expiries[id].ToString("O", CultureInfo.InvariantCulture)),
        };
        var outcome = new LedgerOutcome { IdempotencyKey = tx.IdempotencyKey, Entry = oldFormat, Entries = [oldFormat], Balance = LedgerService.Snapshot(tx) };
        var changes = new LedgerChangeSet(tx.Account, state.ETag, tx.ChangedLots, tx.RemovedLots, [oldFormat], new IdempotencyRecord(tx.IdempotencyKey, "f", outcome, _now));
        Assert.Equal(CommitResult.Committed, await Store.CommitAsync(changes, CancellationToken.None));

        Assert.Equal([(Soon, 30L), (Later, 100L)], await RefundAsync(key, "r-old"));
    }

    [Fact]
    public async Task A_debit_written_now_records_portions_and_refunds_each_part_with_its_expiry()
    {
        var key = await MemberAsync();
        var debited = await Ledger.ExecuteAsync(key, new RedemptionDebit("r-new", "mug", 50), CancellationToken.None);

        Assert.Equal([new LotPortion(30, Soon), new LotPortion(20, Later)], LotPortions.Parse(debited.Value!.Entry!.Details[LotPortions.DetailKey]));
        Assert.Equal([(Soon, 30L), (Later, 100L)], await RefundAsync(key, "r-new"));
    }
}
