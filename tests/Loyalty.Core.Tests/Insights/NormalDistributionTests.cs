using Loyalty.Core.Insights;

namespace Loyalty.Core.Tests.Insights;

public sealed class NormalDistributionTests
{
    /// <summary>Reference values of erfc (to 16 digits, as C's erfc and published tables give them).</summary>
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.1, 0.8875370839817152)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(1.5, 0.033894853524689274)]
    [InlineData(1.99, 0.004888586800383003)]
    [InlineData(2.0, 0.004677734981047265)]
    [InlineData(2.5, 0.0004069520174449589)]
    [InlineData(3.0, 2.2090496998585438e-05)]
    [InlineData(5.0, 1.5374597944280351e-12)]
    [InlineData(10.0, 2.088487583762545e-45)]
    [InlineData(-1.0, 1.842700792949715)]
    public void Erfc_matches_reference_values_to_relative_1e_12(double x, double expected)
    {
        Assert.True(Math.Abs(NormalDistribution.Erfc(x) - expected) <= 1e-12 * expected, $"erfc({x}) = {NormalDistribution.Erfc(x):R}, expected {expected:R}");
    }

    [Theory]
    [InlineData(1.96, 0.04999579029644087)]
    [InlineData(2.5758293035489004, 0.01)]
    [InlineData(1.6448536269514722, 0.1)]
    [InlineData(1.0, 0.31731050786291415)]
    [InlineData(3.0, 0.0026997960632601913)]
    [InlineData(-1.96, 0.04999579029644087)]
    public void Two_sided_p_values_of_known_z(double z, double expected)
    {
        Assert.Equal(expected, NormalDistribution.TwoSidedPValue(z), 1e-13);
    }

    [Fact]
    public void The_cdf_is_symmetric_around_zero()
    {
        Assert.Equal(0.5, NormalDistribution.Cdf(0), 1e-15);
        Assert.Equal(0.9750021048517795, NormalDistribution.Cdf(1.96), 1e-14);
        Assert.Equal(1, NormalDistribution.Cdf(1.3) + NormalDistribution.Cdf(-1.3), 1e-15);
    }

    [Fact]
    public void A_z_test_of_equal_rates_is_zero_with_p_one()
    {
        var test = TwoProportionZTest.Compute(10, 100, 5, 50);

        Assert.Equal(0, test.Z);
        Assert.Equal(1, test.PValue!.Value, 1e-15);
    }
}
