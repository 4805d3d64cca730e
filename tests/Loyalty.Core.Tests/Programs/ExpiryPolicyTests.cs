using Loyalty.Core.Common;
using Loyalty.Core.Ledger;
using Loyalty.Core.Programs;

namespace Loyalty.Core.Tests.Programs;

public sealed class ExpiryPolicyTests
{
    private static readonly TimeZoneInfo Shanghai = TenantClock.FindZone("Asia/Shanghai");

    [Fact]
    public void Rolling_expiry_rounds_to_the_end_of_the_month_in_the_tenant_zone()
    {
        var policy = new ExpiryPolicy { Mode = ExpiryMode.Rolling, Months = 12, RoundToMonthEnd = true };

        // 2026-03-10 20:00 UTC is already 2026-03-11 in Shanghai.
        var expires = policy.ExpiresAt(new DateTimeOffset(2026, 3, 10, 20, 0, 0, TimeSpan.Zero), Shanghai);

        Assert.Equal(new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.FromHours(8)), expires);
    }

    [Fact]
    public void Rolling_expiry_to_the_day_ends_at_local_midnight()
    {
        var policy = new ExpiryPolicy { Mode = ExpiryMode.Rolling, Months = 6, RoundToMonthEnd = false };

        var expires = policy.ExpiresAt(new DateTimeOffset(2026, 1, 31, 3, 0, 0, TimeSpan.Zero), Shanghai);

        Assert.Equal(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.FromHours(8)), expires);
    }

    [Theory]
    [InlineData("2026-12-31T15:59:59Z", "2027-01-01T00:00:00+08:00")]
    [InlineData("2026-12-31T16:00:00Z", "2028-01-01T00:00:00+08:00")]
    public void Fixed_annual_clearing_uses_the_tenant_day_boundary(string earned, string expected)
    {
        var policy = new ExpiryPolicy { Mode = ExpiryMode.FixedAnnual, Months = 0, ClearingMonth = 12, ClearingDay = 31 };

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), policy.ExpiresAt(DateTimeOffset.Parse(earned, System.Globalization.CultureInfo.InvariantCulture), Shanghai));
    }

    [Fact]
    public void Fixed_annual_clearing_can_keep_points_a_year_longer()
    {
        var policy = new ExpiryPolicy { Mode = ExpiryMode.FixedAnnual, Months = 12, ClearingMonth = 12, ClearingDay = 31 };

        var expires = policy.ExpiresAt(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), Shanghai);

        Assert.Equal(new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), expires);
    }

    [Fact]
    public void Never_means_never()
    {
        Assert.Equal(PointsLot.NeverExpires, new ExpiryPolicy { Mode = ExpiryMode.Never }.ExpiresAt(DateTimeOffset.UnixEpoch, Shanghai));
    }

    [Fact]
    public void Day_boundaries_follow_daylight_saving_time()
    {
        var newYork = TenantClock.FindZone("America/New_York");
        var policy = new ExpiryPolicy { Mode = ExpiryMode.Rolling, Months = 1, RoundToMonthEnd = false };

        // Earned 2026-02-08 (EST, -5); expires at the start of 2026-03-09, which is EDT (-4) after the 03-08 switch.
        var expires = policy.ExpiresAt(new DateTimeOffset(2026, 2, 8, 12, 0, 0, TimeSpan.FromHours(-5)), newYork);

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.FromHours(-4)), expires);
    }
}
