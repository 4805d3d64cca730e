using Loyalty.Core.Programs;

namespace Loyalty.Core.Tests.Programs;

public sealed class ProgramValidatorTests
{
    [Fact]
    public void Default_program_is_valid()
    {
        Assert.Empty(ProgramValidator.Validate(new ProgramRules()));
    }

    [Fact]
    public void Every_problem_is_listed_with_its_field()
    {
        var rules = new ProgramRules
        {
            TimeZone = "Mars/Olympus",
            Currency = "XXX",
            Earning = new EarningRules { BaseRatePer = 0, ReturnWindowDays = -1 },
            Expiry = new ExpiryPolicy { Mode = ExpiryMode.FixedAnnual, ClearingMonth = 2, ClearingDay = 30 },
        };

        var fields = ProgramValidator.Validate(rules).Select(e => e.Field).ToList();

        Assert.Equal(["timeZone", "currency", "earning.baseRatePer", "earning.returnWindowDays", "expiry.clearingDay"], fields);
    }
}
