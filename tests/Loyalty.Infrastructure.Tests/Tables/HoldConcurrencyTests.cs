using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Pos;
using Loyalty.Infrastructure.Tests.Support;
using Loyalty.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Loyalty.Infrastructure.Tests.Tables;

/// <summary>POS holds against Azurite: hold rows live in the member's partition and change in the same batch as the account.</summary>
public sealed class HoldConcurrencyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly StorageContext _storage = new(azurite);

    private static HoldRequest Hold(MemberKey member, string order, long points) =>
        new(member.MemberId, order, points, [new BasketLine("sku", "food", 1, 1000m)]);

    [Fact]
    public async Task Concurrent_holds_never_hold_more_than_the_available_points()
    {
        var services = new PosServices(_storage, TimeProvider.System);
        var member = await services.NewMemberAsync("shop", 100);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => services.Holds.HoldAsync("shop", Hold(member, $"o-{i}", 10), $"hold-{i}", CancellationToken.None))));

        Assert.Equal(10, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("insufficient-points", r.Error!.Code));
        var summary = MemberSummary.From(await services.StateAsync(member), DateTimeOffset.UtcNow);
        Assert.Equal((100, 0, 100), (summary.Balance, summary.Available, summary.Held));
    }

    [Fact]
    public async Task Racing_capture_and_release_of_one_hold_let_exactly_one_win()
    {
        var services = new PosServices(_storage, TimeProvider.System);
        var member = await services.NewMemberAsync("shop", 100);
        var hold = (await services.Holds.HoldAsync("shop", Hold(member, "o-1", 40), "race", CancellationToken.None)).Value!;

        var capture = Task.Run(() => services.Holds.CaptureAsync("shop", hold.HoldId, CancellationToken.None));
        var release = Task.Run(() => services.Holds.ReleaseAsync("shop", hold.HoldId, CancellationToken.None));
        var results = await Task.WhenAll(capture, release);

        Assert.Single(results, r => r.IsSuccess);
        var state = await services.StateAsync(member);
        var stored = await services.Ledger.FindHoldAsync(member, hold.HoldId, CancellationToken.None);
        Assert.Empty(state.Holds);
        Assert.Equal(stored!.Status == HoldStatus.Captured ? 60 : 100, state.Lots.Sum(l => l.Remaining));
        Assert.Equal(results[0].IsSuccess, stored.Status == HoldStatus.Captured);
    }

    [Fact]
    public async Task A_timed_out_hold_is_released_by_the_next_write_and_its_row_closed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var services = new PosServices(_storage, time);
        var member = await services.NewMemberAsync("shop", 100);
        var hold = (await services.Holds.HoldAsync("shop", Hold(member, "o-1", 30), "timeout", CancellationToken.None)).Value!;

        time.Advance(TimeSpan.FromMinutes(16));
        var capture = await services.Holds.CaptureAsync("shop", hold.HoldId, CancellationToken.None);
        var spend = await services.LedgerService.ExecuteAsync(member, new Core.Ledger.Commands.SpendPoints("s", 100, null, null), CancellationToken.None);

        Assert.Equal("hold-released", capture.Error!.Code);
        Assert.True(spend.IsSuccess);
        var stored = await services.Ledger.FindHoldAsync(member, hold.HoldId, CancellationToken.None);
        Assert.Equal((HoldStatus.Released, "timed-out"), (stored!.Status, stored.ClosedReason));
        Assert.Empty((await services.StateAsync(member)).Holds);
        Assert.Equal("hold-released", (await services.Holds.CaptureAsync("shop", hold.HoldId, CancellationToken.None)).Error!.Code);
    }

    [Fact]
    public async Task A_repeated_hold_request_replays_the_same_hold()
    {
        var services = new PosServices(_storage, TimeProvider.System);
        var member = await services.NewMemberAsync("shop", 50);

        var first = await services.Holds.HoldAsync("shop", Hold(member, "o-1", 50), "same", CancellationToken.None);
        var again = await services.Holds.HoldAsync("shop", Hold(member, "o-1", 50), "same", CancellationToken.None);

        Assert.Equal(first.Value!.HoldId, again.Value!.HoldId);
        Assert.Equal(50, (await services.StateAsync(member)).Holds.Sum(h => h.Points));
    }
}
