using Loyalty.Core.Common;
using Loyalty.Core.Insights;

namespace Loyalty.Core.Tests.Insights;

public sealed class HoldoutTests
{
    private static readonly string[] MemberIds = [.. Enumerable.Range(0, 20_000).Select(i => $"m{i:D6}")];

    [Fact]
    public void Assignment_is_stable()
    {
        var first = MemberIds.Take(500).Select(m => Holdout.Assign("t1", "push-1", m, 10m)).ToList();
        var again = MemberIds.Take(500).Select(m => Holdout.Assign("t1", "push-1", m, 10m)).ToList();

        Assert.Equal(first, again);
    }

    [Fact]
    public void About_the_percentage_is_held_out_and_each_push_holds_out_others()
    {
        var push1 = MemberIds.Where(m => Holdout.Assign("t1", "push-1", m, Holdout.DefaultPercent) == PushGroup.Holdout).ToHashSet();
        var push2 = MemberIds.Where(m => Holdout.Assign("t1", "push-2", m, Holdout.DefaultPercent) == PushGroup.Holdout).ToHashSet();

        // 10% of 20,000 = 2,000 with a standard deviation of sqrt(20000 * 0.1 * 0.9) = 42: allow 4 deviations
        Assert.InRange(push1.Count, 2000 - 170, 2000 + 170);
        Assert.InRange(push2.Count, 2000 - 170, 2000 + 170);
        // independent pushes share ~1% of members (200): far from the same 10%
        Assert.InRange(push1.Intersect(push2).Count(), 200 - 60, 200 + 60);
    }

    [Fact]
    public void Zero_percent_holds_out_nobody_and_fifty_about_half()
    {
        Assert.All(MemberIds.Take(1000), m => Assert.Equal(PushGroup.Treated, Holdout.Assign("t1", "p", m, 0m)));
        Assert.InRange(MemberIds.Count(m => Holdout.Assign("t1", "p", m, 50m) == PushGroup.Holdout), 9700, 10300);
    }

    [Fact]
    public void The_bucket_is_the_sha256_prefix()
    {
        // SHA-256("t1\np\nm1"), first 8 bytes big-endian, modulo 10,000: recomputed independently.
        var bytes = System.Security.Cryptography.SHA256.HashData("t1\np\nm1"u8.ToArray());
        var expected = (int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes) % 10_000);

        Assert.Equal(expected, Holdout.Bucket("t1", "p", "m1"));
        Assert.Equal(Holdout.Bucket("t1", "p", "m1") < 1000 ? PushGroup.Holdout : PushGroup.Treated, Holdout.Assign("t1", "p", "m1", 10m));
    }

    [Theory]
    [InlineData(-1, "range")]
    [InlineData(51, "range")]
    [InlineData(10.005, "precision")]
    public void A_bad_percentage_is_refused(decimal percent, string rule)
    {
        var errors = new FieldErrors();

        Holdout.Validate(percent, "holdoutPercent", errors);

        Assert.Equal(("holdoutPercent", rule), (errors.ToList()[0].Field, errors.ToList()[0].Rule));
        Assert.Throws<ArgumentOutOfRangeException>(() => Holdout.Assign("t", "p", "m", 60m));
    }
}
