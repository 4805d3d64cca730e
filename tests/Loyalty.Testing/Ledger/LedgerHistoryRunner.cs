using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Members;
using Loyalty.Core.Pos;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Loyalty.Testing.Ledger;

/// <summary>
/// Plays a random history against any <see cref="ILedgerStore"/> and checks the ledger invariants after every step:
/// balance == sum(live lots) + held - debt == sum of all entries; a spend or hold never leaves the available balance
/// negative nor creates debt; a hold is captured or released at most once; replaying any earlier operation returns
/// its first result and changes nothing.
/// </summary>
public sealed class LedgerHistoryRunner(ILedgerStore store, FakeTimeProvider time)
{
    private readonly LedgerService _service = new(store, time);

    public async Task RunAsync(MemberKey member, IReadOnlyList<LedgerOperation> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        Assert.True(await store.CreateAccountAsync(new MemberAccount { Key = member, RegisteredAt = time.GetUtcNow() }, [], [], CancellationToken.None));
        var commands = new List<LedgerCommand>();
        var orders = new List<(string LotId, long Points, string OrderId)>();
        var holds = new List<string>();
        for (var step = 0; step < history.Count; step++)
        {
            var before = await SnapshotAsync(member);
            switch (history[step])
            {
                case LedgerOperation.Advance advance:
                    time.Advance(TimeSpan.FromDays(advance.Days));
                    continue;
                case LedgerOperation.Replay replay when commands.Count > 0:
                    var again = await _service.ExecuteAsync(member, commands[replay.StepIndex % commands.Count], CancellationToken.None);
                    Assert.True(!again.IsSuccess || again.Value.Replayed, $"step {step}: a replay wrote again");
                    Assert.Equal(before, await SnapshotAsync(member));
                    continue;
                case LedgerOperation.Replay:
                    continue;
            }

            var command = ToCommand(history[step], step, orders, holds);
            if (command is null)
            {
                continue;
            }

            var result = await _service.ExecuteAsync(member, command, CancellationToken.None);
            if (result.IsSuccess)
            {
                commands.Add(command);
                if (command is EarnPoints { Request.Mergeable: false } earn)
                {
                    orders.Add((result.Value.Entry!.Lots.Keys.Single(), earn.Request.Points, earn.Request.Reference!));
                }
            }

            var after = await SnapshotAsync(member);
            AssertInvariants(step, after);
            if (command is HoldPoints hold && result.IsSuccess)
            {
                holds.Add(hold.HoldId);
                // Holds that timed out meanwhile are released by the same transaction, so held can also drop.
                Assert.InRange(after.Held, hold.Points, before.Held + hold.Points);
            }

            if (command is CaptureHold or ReleaseHold)
            {
                Assert.True(result.IsSuccess || result.Error!.Code is "hold-released" or "hold-captured" or "hold-not-found", $"step {step}: {result.Error?.Code}");
                Assert.True(after.Held <= before.Held, $"step {step}: closing a hold raised the held points");
            }

            if (command is SpendPoints or HoldPoints)
            {
                Assert.True(!result.IsSuccess || after.Available >= 0, $"step {step}: a spend left the available balance at {after.Available}");
                Assert.True(after.Debt <= before.Debt, $"step {step}: a spend created debt");
                Assert.True(result.IsSuccess || result.Error!.Code == "insufficient-points", $"step {step}: {result.Error?.Code}");
            }

            if (result.IsSuccess)
            {
                Assert.Equal(after.Balance, result.Value.Balance.Balance);
            }
        }
    }

    private LedgerCommand? ToCommand(LedgerOperation operation, int step, List<(string LotId, long Points, string OrderId)> orders, List<string> holds)
    {
        var now = time.GetUtcNow();
        var key = $"step-{step}";
        return operation switch
        {
            LedgerOperation.Earn e => new EarnPoints(key, new EarnRequest(e.Points, now.AddDays(e.ExpiresInDays), e.ForOrder ? "purchase" : "task", e.ForOrder ? $"order-{step}" : null, null)
            {
                AvailableAt = now.AddDays(e.PendingDays),
                Mergeable = !e.ForOrder,
            }),
            LedgerOperation.Spend s => new SpendPoints(key, s.Points, null, null),
            LedgerOperation.ClawBack c when orders.Count > 0 => ClawBack(key, orders[c.OrderIndex % orders.Count], c.Points),
            LedgerOperation.Expire => new ExpirePoints(key),
            LedgerOperation.Hold h => new HoldPoints(key, $"hold-{step}", $"order-{step}", h.Points, h.Points / 100m, now.AddMinutes(h.TimeoutMinutes)),
            LedgerOperation.Capture c when holds.Count > 0 => new CaptureHold(key, holds[c.HoldIndex % holds.Count]),
            LedgerOperation.Release r when holds.Count > 0 => new ReleaseHold(key, holds[r.HoldIndex % holds.Count]),
            _ => null,
        };
    }

    private static ClawBackPoints ClawBack(string key, (string LotId, long Points, string OrderId) order, long points) =>
        new(key, order.LotId, Math.Min(points, order.Points), order.OrderId, "refund");

    private static void AssertInvariants(int step, Snapshot s)
    {
        Assert.True(s.LotsTotal + s.Held - s.Debt == s.EntriesTotal, $"step {step}: lots {s.LotsTotal} + held {s.Held} - debt {s.Debt} != entries {s.EntriesTotal}");
        Assert.True(s.Held >= 0, $"step {step}: negative held points");
        Assert.True(s.Debt >= 0, $"step {step}: negative debt");
        Assert.True(s.MinLotRemaining > 0, $"step {step}: an empty lot was kept");
    }

    private async Task<Snapshot> SnapshotAsync(MemberKey member)
    {
        var state = await store.LoadAsync(member, CancellationToken.None) ?? throw new InvalidOperationException("member vanished");
        var entries = 0L;
        string? token = null;
        do
        {
            var page = await store.QueryEntriesAsync(member, new LedgerQuery(PageSize: 1000, ContinuationToken: token), CancellationToken.None);
            entries += page.Entries.Sum(e => e.Delta);
            token = page.ContinuationToken;
        }
        while (token is not null);

        var now = time.GetUtcNow();
        var live = state.Lots.Where(l => !l.IsExpired(now)).ToList();
        return new Snapshot(
            state.Lots.Sum(l => l.Remaining),
            state.Account.Debt,
            entries,
            live.Where(l => l.IsAvailable(now)).Sum(l => l.Remaining) - state.Account.Debt,
            state.Lots.Count == 0 ? long.MaxValue : state.Lots.Min(l => l.Remaining),
            state.ETag)
        {
            Held = state.Holds.Sum(h => h.Points),
        };
    }

    private sealed record Snapshot(long LotsTotal, long Debt, long EntriesTotal, long Available, long MinLotRemaining, string ETag)
    {
        public long Held { get; init; }

        public long Balance => LotsTotal + Held - Debt;
    }
}
