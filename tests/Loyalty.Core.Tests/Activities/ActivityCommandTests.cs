using Loyalty.Core.Activities;
using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Programs;
using static Loyalty.Core.Tests.Support.Accounts;

namespace Loyalty.Core.Tests.Activities;

public sealed class ActivityCommandTests
{
    private static readonly ProgramRules Rules = new()
    {
        Activities = new ActivityRules
        {
            CheckIn = new CheckInRules { Points = 1, CycleDays = 7, StreakBonuses = [new StreakBonus(7, 10)] },
            Shares = new Dictionary<string, ShareRule> { ["wechat-moments"] = new(5, 1), ["weibo"] = new(2, 3) },
            Tasks =
            [
                new TaskRule { TaskId = "survey", Points = 50, Limit = TaskLimit.Once },
                new TaskRule { TaskId = "quiz", Points = 3, Limit = TaskLimit.Daily, MaxPerPeriod = 2 },
                new TaskRule { TaskId = "vote", Points = 1, Limit = TaskLimit.Weekly, MaxPerPeriod = 1 },
            ],
        },
    };

    /// <summary>Runs commands one after another on one account, as separate batches would.</summary>
    private sealed class Member(ProgramRules rules)
    {
        private MemberLedgerState _state = State();

        public Result<LedgerEntry?> Run(DateTimeOffset at, Func<ProgramRules, LedgerCommand> command)
        {
            var tx = new LedgerTransaction(_state, at, Guid.NewGuid().ToString());
            var result = command(rules).Apply(tx);
            if (result.IsSuccess)
            {
                _state = new MemberLedgerState(tx.Account, [.. tx.Lots], "etag");
            }

            return result;
        }
    }

    private static DateTimeOffset Shanghai(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.FromHours(8));

    [Fact]
    public void Check_in_once_per_local_day_with_the_next_allowed_time()
    {
        var member = new Member(Rules);

        Assert.True(member.Run(Shanghai(6, 1, 0, 0, 0), r => new CheckIn("a", r)).IsSuccess);
        var again = member.Run(Shanghai(6, 1, 23, 59, 59), r => new CheckIn("b", r));
        var nextDay = member.Run(Shanghai(6, 2, 0, 0, 0), r => new CheckIn("c", r));

        Assert.Equal("already-checked-in", again.Error?.Code);
        Assert.Equal(Shanghai(6, 2, 0), again.Error?.RetryAt);
        Assert.True(nextDay.IsSuccess);
        Assert.Equal("2", nextDay.Value!.Details["streak"]);
    }

    [Fact]
    public void Streak_bonus_on_day_seven_then_the_cycle_restarts_and_a_gap_resets_it()
    {
        var member = new Member(Rules);
        var points = Enumerable.Range(1, 8).Select(d => member.Run(Shanghai(6, d, 9), r => new CheckIn($"d{d}", r)).Value!.Delta).ToList();
        var afterGap = member.Run(Shanghai(6, 10, 9), r => new CheckIn("gap", r)).Value!;

        Assert.Equal([1L, 1, 1, 1, 1, 1, 11, 1], points);
        Assert.Equal("1", afterGap.Details["streak"]);
    }

    [Fact]
    public void Check_in_days_follow_a_daylight_saving_zone()
    {
        var member = new Member(Rules with { TimeZone = "America/New_York" });

        // 2026-03-08 is the spring-forward day in New York: the day is 23 hours long.
        Assert.True(member.Run(new DateTimeOffset(2026, 3, 8, 0, 30, 0, TimeSpan.FromHours(-5)), r => new CheckIn("a", r)).IsSuccess);
        Assert.Equal("already-checked-in", member.Run(new DateTimeOffset(2026, 3, 8, 23, 59, 0, TimeSpan.FromHours(-4)), r => new CheckIn("b", r)).Error?.Code);
        Assert.True(member.Run(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.FromHours(-4)), r => new CheckIn("c", r)).IsSuccess);
    }

    [Fact]
    public void Shares_are_capped_per_platform_per_day()
    {
        var member = new Member(Rules);

        Assert.Equal(5, member.Run(Shanghai(6, 1, 9), r => new Share("1", r, "wechat-moments", null)).Value!.Delta);
        var capped = member.Run(Shanghai(6, 1, 10), r => new Share("2", r, "wechat-moments", null));
        Assert.True(member.Run(Shanghai(6, 1, 10), r => new Share("3", r, "weibo", null)).IsSuccess);
        Assert.True(member.Run(Shanghai(6, 2, 0), r => new Share("4", r, "wechat-moments", null)).IsSuccess);
        var unknown = member.Run(Shanghai(6, 2, 0), r => new Share("5", r, "myspace", null));

        Assert.Equal((ErrorKind.TooManyRequests, "share-limit-reached"), (capped.Error!.Kind, capped.Error.Code));
        Assert.Equal("platform", unknown.Error!.Fields![0].Field);
    }

    [Fact]
    public void Tasks_honour_once_daily_and_weekly_limits()
    {
        var member = new Member(Rules);

        Assert.True(member.Run(Shanghai(6, 1, 9), r => new CompleteTask("1", r, "survey", null)).IsSuccess);
        Assert.Equal("task-already-completed", member.Run(Shanghai(6, 9, 9), r => new CompleteTask("2", r, "survey", null)).Error?.Code);
        Assert.True(member.Run(Shanghai(6, 1, 9), r => new CompleteTask("3", r, "quiz", null)).IsSuccess);
        Assert.True(member.Run(Shanghai(6, 1, 9), r => new CompleteTask("4", r, "quiz", null)).IsSuccess);
        Assert.Equal("task-limit-reached", member.Run(Shanghai(6, 1, 9), r => new CompleteTask("5", r, "quiz", null)).Error?.Code);
        Assert.True(member.Run(Shanghai(6, 2, 9), r => new CompleteTask("6", r, "quiz", null)).IsSuccess);

        // 2026-06-01 is a Monday; the week ends on Sunday the 7th.
        Assert.True(member.Run(Shanghai(6, 1, 9), r => new CompleteTask("7", r, "vote", null)).IsSuccess);
        var sameWeek = member.Run(Shanghai(6, 7, 23), r => new CompleteTask("8", r, "vote", null));
        Assert.Equal(Shanghai(6, 8, 0), sameWeek.Error?.RetryAt);
        Assert.True(member.Run(Shanghai(6, 8, 0), r => new CompleteTask("9", r, "vote", null)).IsSuccess);
        Assert.Equal("task-not-found", member.Run(Shanghai(6, 8, 0), r => new CompleteTask("10", r, "nope", null)).Error?.Code);
    }
}
