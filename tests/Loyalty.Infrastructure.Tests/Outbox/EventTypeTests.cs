using Loyalty.Core.Common;
using Loyalty.Core.Donations;
using Loyalty.Core.Freezes;
using Loyalty.Core.Family;
using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Lottery;
using Loyalty.Core.Members;
using Loyalty.Core.Pos;
using Loyalty.Core.Programs;
using Loyalty.Core.Purchases;
using Loyalty.Core.Referrals;
using Loyalty.Testing;

namespace Loyalty.Infrastructure.Tests.Outbox;

/// <summary>
/// One event type per case, each produced by the real operation's command through the ledger and its outbox against
/// Azurite: the command runs on a member holding 100 points, and its event reaches the feed with the next sequence.
/// </summary>
public sealed class EventTypeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OutboxRig _rig = new(azurite);

    public static TheoryData<string, string> Operations() => new()
    {
        { "earn", "points.earned" },
        { "spend", "points.spent" },
        { "expire", "points.expired" },
        { "refund", "points.refunded" },
        { "adjust", "points.adjusted" },
        { "hold", "points.held" },
        { "release", "points.released" },
        { "transfer-in", "points.transferred" },
        { "transfer-out", "points.transferred" },
        { "donate", "points.donated" },
        { "draw", "lottery.drawn" },
        { "freeze", "member.frozen" },
        { "unfreeze", "member.unfrozen" },
        { "complete", "points.pending" },
        { "profile", "member.profile_changed" },
        { "merge-out", "member.merged_out" },
        { "merge-in", "member.merged_in" },
        { "void", "points.clawed_back" },
        { "restore", "points.restored" },
        { "erase", "points.forfeited" },
        { "referral", "referral.rewarded" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_operation_publishes_its_event_type(string operation, string expected)
    {
        var member = await _rig.NewMemberAsync();
        var seed = await _rig.Service.ExecuteAsync(member, new EarnPoints("seed", new EarnRequest(100, _rig.Time.GetUtcNow().AddDays(1), "purchase", "order-1", null) { Mergeable = false }), CancellationToken.None);
        var lotId = seed.Value!.Entry!.Lots.Keys.Single();
        await PrepareAsync(operation, member);
        var before = _rig.Feed.Events.Count(e => e.MemberId == member.MemberId);

        var result = await _rig.Service.ExecuteAsync(member, Command(operation, member, lotId), CancellationToken.None);

        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Error.Message);
        var events = _rig.Feed.Events.Where(e => e.MemberId == member.MemberId).Skip(before).ToList();
        var published = Assert.Single(events, e => e.Type == expected);
        Assert.Equal(result.Value!.Entries.Select(e => e.EntryId).Order(), events.Select(e => e.EventId).Order());
        Assert.Equal(before + 1, events[0].Sequence);
        Assert.Equal(expected, Assert.Single(_rig.Delivered, m => m.MessageId == published.EventId).Subject);
    }

    private async Task PrepareAsync(string operation, MemberKey member)
    {
        switch (operation)
        {
            case "release":
                Assert.True((await _rig.Service.ExecuteAsync(member, Hold(), CancellationToken.None)).IsSuccess);
                break;
            case "unfreeze":
                Assert.True((await _rig.Service.ExecuteAsync(member, new FreezeAccount("freeze", "fraud review", null), CancellationToken.None)).IsSuccess);
                break;
            case "expire":
                _rig.Time.Advance(TimeSpan.FromDays(2));
                break;
        }
    }

    private HoldPoints Hold() => new("hold", "h-1", "pos-1", 30, 3m, _rig.Time.GetUtcNow().AddMinutes(15));

    private LedgerCommand Command(string operation, MemberKey member, string lotId)
    {
        var now = _rig.Time.GetUtcNow();
        return operation switch
        {
            "earn" => new EarnPoints("op", _rig.Earn(20)),
            "spend" => new SpendPoints("op", 20, "gift-1", null),
            "expire" => new ExpirePoints("op"),
            "refund" => new ClawBackPoints("op", lotId, 40, "order-1", "returned"),
            "adjust" => new AdjustPoints("op", 15, "goodwill", now.AddYears(1), null),
            "hold" => Hold(),
            "release" => new ReleaseHold("op", "h-1"),
            "transfer-in" => new TransferIn("op", "t-1", "m-other", [new LotPortion(10, now.AddYears(1))]),
            "transfer-out" => new TransferOut("op", "t-2", "m-other", 10, new TransferRules(), TimeZoneInfo.Utc, now),
            "donate" => new DonatePoints("op", "R-1", "trees", "Trees", 10),
            "draw" => new ChargeDraw("op", new LotteryDraw
            {
                DrawId = "d1", LotteryId = "wheel", MemberId = member.MemberId, Number = 0, Odds = "tv:1", OddsVersion = 1,
                Outcome = "tv", PrizeName = "TV", CostPoints = 10, DrawnAt = now,
            }),
            "freeze" => new FreezeAccount("op", "fraud review", null),
            "unfreeze" => new UnfreezeAccount("op", null, null),
            "complete" => new CompleteOrder("order-1", lotId, now.AddDays(7)),
            "profile" => new ChangeProfile("op", new ProfileChanges { StoreId = Patch<string?>.Set("store-9") }, "digest"),
            "merge-out" => new MergeOut("op", "merge-1", "m-other"),
            "merge-in" => new MergeIn("op", "merge-2", "m-other", [new LotPortion(10, now.AddYears(1))], new Dictionary<string, string>(), new ProgramRules()),
            "void" => new VoidOrder("order-1", lotId, now, new OrderCancellation(40, 0m, []), new ProgramRules()),
            "restore" => new VoidOrder("order-1", lotId, now, new OrderCancellation(0, 0m, [new LotPortion(10, now.AddYears(1))]), new ProgramRules()),
            "erase" => new EraseAccount("op", "member asked"),
            "referral" => new CreditReferralReward(CreditReferralReward.KeyFor("m-new", ReferralSide.Referrer), new ProgramRules(), 30, "m-new", ReferralSide.Referrer),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };
    }
}
