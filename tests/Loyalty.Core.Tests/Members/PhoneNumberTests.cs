using Loyalty.Core.Members;

namespace Loyalty.Core.Tests.Members;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", "+8613812345678")]
    [InlineData("138-1234-5678", "+8613812345678")]
    [InlineData("+8613812345678", "+8613812345678")]
    [InlineData("+14155550123", "+14155550123")]
    public void Accepts_E164_and_mainland_mobile_numbers(string input, string e164)
    {
        Assert.Equal(e164, PhoneNumber.Parse(input)?.E164);
    }

    [Theory]
    [InlineData("12812345678")]
    [InlineData("1381234567")]
    [InlineData("+0123456789")]
    [InlineData("phone")]
    [InlineData("")]
    public void Rejects_anything_else(string input)
    {
        Assert.Null(PhoneNumber.Parse(input));
    }

    [Fact]
    public void Masked_form_shows_only_the_last_four_digits()
    {
        Assert.Equal("+86****5678", PhoneNumber.Parse("13812345678")!.Masked);
    }

    [Fact]
    public void Redacted_form_keeps_a_mainland_prefix_and_the_last_four_digits_only()
    {
        Assert.Equal("138****5678", PhoneNumber.Parse("+86 138 1234 5678")!.Redacted);
        Assert.Equal("+155****0100", PhoneNumber.Parse("+15555550100")!.Redacted);
    }

    [Fact]
    public void Hash_depends_on_the_key()
    {
        var phone = PhoneNumber.Parse("13812345678")!;

        Assert.NotEqual(phone.Hash([1]), phone.Hash([2]));
        Assert.Equal(phone.Hash([1]), PhoneNumber.Parse("+8613812345678")!.Hash([1]));
    }
}
