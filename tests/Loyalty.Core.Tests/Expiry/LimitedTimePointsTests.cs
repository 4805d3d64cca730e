using Loyalty.Core.Expiry;
using Loyalty.Core.Programs;
using static Loyalty.Core.Tests.Support.Accounts;

namespace Loyalty.Core.Tests.Expiry;

public sealed class LimitedTimePointsTests
{
    private static readonly ProgramRules Rules = new() { Expiry = new ExpiryPolicy { Mode = ExpiryMode.Rolling, Months = 12, RoundToMonthEnd = true } };

    [Fact]
    public void Without_an_expiry_of_their_own_points_get_the_programs()
    {
        Assert.Equal(Rules.Expiry.ExpiresAt(Now, Rules.Zone()), LimitedTimePoints.ExpiresAt(null, Rules, Now).Value);
    }

    [Fact]
    public void Seven_day_points_keep_their_expiry()
    {
        Assert.Equal(Now.AddDays(7), LimitedTimePoints.ExpiresAt(Now.AddDays(7), Rules, Now).Value);
    }

    [Theory]
    [InlineData(0, "future")]
    [InlineData(-1, "future")]
    [InlineData(400, "maximum")]
    public void An_expiry_not_in_the_future_or_beyond_the_programs_is_refused_naming_the_field(int days, string rule)
    {
        var result = LimitedTimePoints.ExpiresAt(Now.AddDays(days), Rules, Now);

        var error = Assert.Single(result.Error!.Fields!);
        Assert.Equal(("expiresAt", rule), (error.Field, error.Rule));
    }

    [Fact]
    public void When_the_programs_points_never_expire_the_limit_is_3660_days()
    {
        var never = new ProgramRules { Expiry = new ExpiryPolicy { Mode = ExpiryMode.Never } };

        Assert.True(LimitedTimePoints.ExpiresAt(Now.AddDays(3660), never, Now).IsSuccess);
        Assert.False(LimitedTimePoints.ExpiresAt(Now.AddDays(3661), never, Now).IsSuccess);
    }
}
