using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Infrastructure.Tables;
using Loyalty.Infrastructure.Tests.Support;
using Loyalty.Testing;

namespace Loyalty.Infrastructure.Tests.Tables;

/// <summary>The tier review schedule table: "due by now" is one range query per tenant, in date order.</summary>
public sealed class TierReviewScheduleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 0, 30, 0, TimeSpan.Zero);

    private readonly TableTierReviewSchedule _schedule = new(new StorageContext(azurite).Tables);

    [Fact]
    public async Task Due_reviews_come_back_earliest_first_up_to_the_limit_and_only_for_their_tenant()
    {
        await _schedule.ScheduleAsync(new MemberKey("shop-a", "late"), Now.AddDays(1), CancellationToken.None);
        await _schedule.ScheduleAsync(new MemberKey("shop-a", "second"), Now.AddDays(-1), CancellationToken.None);
        await _schedule.ScheduleAsync(new MemberKey("shop-a", "first"), Now.AddDays(-30), CancellationToken.None);
        await _schedule.ScheduleAsync(new MemberKey("shop-a", "exactly-now"), Now, CancellationToken.None);
        await _schedule.ScheduleAsync(new MemberKey("shop-b", "other-tenant"), Now.AddDays(-5), CancellationToken.None);

        var due = await _schedule.DueAsync("shop-a", Now, 10, CancellationToken.None);
        var limited = await _schedule.DueAsync("shop-a", Now, 2, CancellationToken.None);

        Assert.Equal(["first", "second", "exactly-now"], due.Select(d => d.Member.MemberId));
        Assert.Equal([Now.AddDays(-30), Now.AddDays(-1), Now], due.Select(d => d.ReviewAt));
        Assert.All(due, d => Assert.Equal("shop-a", d.Member.TenantId));
        Assert.Equal(["first", "second"], limited.Select(d => d.Member.MemberId));
    }

    [Fact]
    public async Task A_completed_review_is_gone_and_scheduling_twice_for_the_same_date_keeps_one_row()
    {
        var member = new MemberKey("shop-c", "m-1");
        await _schedule.ScheduleAsync(member, Now.AddDays(-1), CancellationToken.None);
        await _schedule.ScheduleAsync(member, Now.AddDays(-1), CancellationToken.None);
        await _schedule.ScheduleAsync(new MemberKey("shop-c", "m-2"), Now.AddDays(-2), CancellationToken.None);

        var before = await _schedule.DueAsync("shop-c", Now, 10, CancellationToken.None);
        await _schedule.CompleteAsync(before.Single(d => d.Member.MemberId == "m-1"), CancellationToken.None);
        var after = await _schedule.DueAsync("shop-c", Now, 10, CancellationToken.None);

        Assert.Equal(["m-2", "m-1"], before.Select(d => d.Member.MemberId));
        Assert.Equal([new TierReviewDue(new MemberKey("shop-c", "m-2"), Now.AddDays(-2))], after);
    }
}
