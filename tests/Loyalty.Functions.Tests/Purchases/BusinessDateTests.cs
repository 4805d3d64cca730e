using Loyalty.Functions.Tests.Support;
using static Loyalty.Functions.Tests.Support.Api;

namespace Loyalty.Functions.Tests.Purchases;

/// <summary>
/// Orders made just before and just after midnight in Asia/Shanghai, credited by the queue after midnight: every
/// business date comes from when the purchase happened, never from when it was processed.
/// </summary>
public sealed class BusinessDateTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly object[] Lines = [new { sku = "tea", category = "drinks", quantity = 1, unitPrice = 150m }];

    private static DateTimeOffset Local(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));

    /// <summary>The next local <paramref name="month"/>/<paramref name="day"/> 23:59:59 after the host's clock, so each test moves the shared clock forward only.</summary>
    private DateTimeOffset NextLastSecondOf(int month, int day)
    {
        var now = TimeZoneInfo.ConvertTime(host.Time.GetUtcNow(), Shanghai);
        var candidate = Local(now.Year, month, day, 23, 59, 59);
        return candidate > now.AddMinutes(1) ? candidate : Local(now.Year + 1, month, day, 23, 59, 59);
    }

    private async Task<(TenantKeys Tenant, string Member)> ShopAsync(object program)
    {
        var tenant = await host.NewTenantAsync();
        await PutProgramAsync(host, tenant, program);
        return (tenant, await MemberWithPointsAsync(host, tenant, 0));
    }

    /// <summary>Submits an order at its own time (the till's clock and the server's agree), to be credited later.</summary>
    private async Task SubmitAtAsync(TenantKeys tenant, string member, string orderId, DateTimeOffset occurredAt)
    {
        host.Time.SetUtcNow(occurredAt);
        var submitted = await host.PurchaseAsync(tenant.Pos, new { orderId, memberId = member, lines = Lines, cashPaid = 150m, occurredAt });
        Assert.True(submitted.Status == 202, submitted.Text);
    }

    /// <summary>One order in the last second before midnight, one at midnight, both credited by the queue six minutes later.</summary>
    private async Task AroundMidnightAsync(TenantKeys tenant, string member, DateTimeOffset lastSecond, string before, string after)
    {
        await SubmitAtAsync(tenant, member, before, lastSecond);
        await SubmitAtAsync(tenant, member, after, lastSecond.AddSeconds(1));
        host.Time.SetUtcNow(lastSecond.AddMinutes(6));
        await host.DrainQueueAsync();
    }

    private async Task<DateTimeOffset> ExpiryOfAsync(TenantKeys tenant, string member, string orderId) =>
        (await LotsAsync(host, tenant, member)).Single(l => l["reference"]?.GetValue<string>() == orderId)["expiresAt"]!.GetValue<DateTimeOffset>();

    [Fact]
    public async Task Fixed_annual_clearing_takes_the_year_the_purchase_happened_in()
    {
        var (tenant, member) = await ShopAsync(new { expiry = new { mode = "fixedAnnual", months = 12, clearingMonth = 12, clearingDay = 31 }, earning = new { returnWindowDays = 7 } });
        var lastSecond = NextLastSecondOf(12, 31);
        var year = lastSecond.Year;

        await AroundMidnightAsync(tenant, member, lastSecond, "o-dec31", "o-jan1");
        var lots = await LotsAsync(host, tenant, member);

        Assert.Equal(Local(year + 2, 1, 1), await ExpiryOfAsync(tenant, member, "o-dec31"));
        Assert.Equal(Local(year + 3, 1, 1), await ExpiryOfAsync(tenant, member, "o-jan1"));
        Assert.Equal(lastSecond.AddDays(7), lots.Single(l => l["reference"]!.GetValue<string>() == "o-dec31")["availableAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Points_of_a_year_already_cleared_when_the_queue_gets_to_them_are_credited_and_expire_at_once()
    {
        var (tenant, member) = await ShopAsync(new { expiry = new { mode = "fixedAnnual", months = 0, clearingMonth = 12, clearingDay = 31 } });
        var lastSecond = NextLastSecondOf(12, 31);

        await AroundMidnightAsync(tenant, member, lastSecond, "o-cleared", "o-new-year");
        var cleared = await PurchaseStatusAsync(host, tenant, "o-cleared");
        var summary = await MemberAsync(host, tenant, member);

        Assert.Equal(("credited", 150L), (cleared.Json["status"]!.GetValue<string>(), cleared.Json["points"]!.GetValue<long>()));
        Assert.Equal((300L, 150L, 150L), (summary.Json["lifetimeEarned"]!.GetValue<long>(), summary.Json["lifetimeExpired"]!.GetValue<long>(), summary.Json["balance"]!.GetValue<long>()));
        Assert.Equal(Local(lastSecond.Year + 2, 1, 1), await ExpiryOfAsync(tenant, member, "o-new-year"));
        Assert.Contains("expire", await LedgerTypesAsync(host, tenant, member));
    }

    [Fact]
    public async Task Rolling_month_end_expiry_counts_from_the_day_the_purchase_happened()
    {
        var (tenant, member) = await ShopAsync(new { expiry = new { mode = "rolling", months = 12, roundToMonthEnd = true } });
        var lastSecond = NextLastSecondOf(1, 31);
        var year = lastSecond.Year;

        await AroundMidnightAsync(tenant, member, lastSecond, "o-jan31", "o-feb1");

        Assert.Equal(Local(year + 1, 2, 1), await ExpiryOfAsync(tenant, member, "o-jan31"));
        Assert.Equal(Local(year + 1, 3, 1), await ExpiryOfAsync(tenant, member, "o-feb1"));
    }

    [Fact]
    public async Task A_calendar_year_tier_is_earned_in_the_year_the_purchase_happened()
    {
        var tiers = new
        {
            window = "calendarYear",
            retentionMonths = 12,
            levels = new object[] { new { name = "normal", threshold = 0 }, new { name = "silver", threshold = 100 } },
        };
        var (tenant, member) = await ShopAsync(new { tiers });
        var lastSecond = NextLastSecondOf(12, 31);

        await SubmitAtAsync(tenant, member, "o-tier", lastSecond);
        host.Time.SetUtcNow(lastSecond.AddMinutes(6));
        await host.DrainQueueAsync();
        var summary = await MemberAsync(host, tenant, member);

        Assert.Equal("silver", summary.Json["tier"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_member_day_campaign_applies_to_an_order_of_that_day_credited_the_day_after()
    {
        var campaign = new { id = "member-day", multiplier = 2, daysOfMonth = new[] { 8 } };
        var (tenant, member) = await ShopAsync(new { earning = new { campaigns = new[] { campaign } } });
        var lastSecond = NextLastSecondOf(TimeZoneInfo.ConvertTime(host.Time.GetUtcNow(), Shanghai).Month, 8);

        await AroundMidnightAsync(tenant, member, lastSecond, "o-member-day", "o-day-after");

        Assert.Equal(300L, (await PurchaseStatusAsync(host, tenant, "o-member-day")).Json["points"]!.GetValue<long>());
        Assert.Equal(150L, (await PurchaseStatusAsync(host, tenant, "o-day-after")).Json["points"]!.GetValue<long>());
    }
}
