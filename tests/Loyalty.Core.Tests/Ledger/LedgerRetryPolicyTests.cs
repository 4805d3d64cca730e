using Loyalty.Core.Common;
using Loyalty.Core.Ledger;

namespace Loyalty.Core.Tests.Ledger;

public sealed class LedgerRetryPolicyTests
{
    private const string GaveUp = "The row is being changed by other requests; retry.";

    private static LedgerRetryPolicy Policy(int attempts = 5, double jitter = 0) =>
        new(attempts, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(250)) { Jitter = () => jitter };

    [Fact]
    public void Backoff_ceiling_doubles_with_each_failed_attempt_until_the_cap()
    {
        var policy = Policy();

        Assert.Equal(
            [10, 20, 40, 80, 160, 250, 250],
            Enumerable.Range(1, 7).Select(a => policy.Ceiling(a).TotalMilliseconds));
        Assert.Equal(TimeSpan.FromMilliseconds(250), policy.Ceiling(int.MaxValue));
    }

    [Fact]
    public void Delay_is_the_jittered_share_of_the_ceiling()
    {
        Assert.Equal(TimeSpan.Zero, Policy(jitter: 0).Delay(3));
        Assert.Equal(TimeSpan.FromMilliseconds(20), Policy(jitter: 0.5).Delay(3));
        Assert.Equal(TimeSpan.FromMilliseconds(245), Policy(jitter: 0.98).Delay(10));
    }

    [Fact]
    public void Default_jitter_stays_within_zero_and_the_ceiling()
    {
        var policy = LedgerRetryPolicy.Default;

        var delays = Enumerable.Range(0, 1000).Select(_ => policy.Delay(4)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, policy.Ceiling(4)));
        Assert.True(delays.Distinct().Count() > 1, "the default jitter spreads the delays");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    public void A_jitter_source_outside_zero_to_one_is_refused(double jitter) =>
        Assert.Throws<InvalidOperationException>(() => Policy(jitter: jitter).Delay(1));

    [Fact]
    public void A_policy_without_attempts_or_with_a_cap_below_its_base_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LedgerRetryPolicy(0, TimeSpan.Zero, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LedgerRetryPolicy(3, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public async Task RunAsync_stops_after_max_attempts_and_returns_the_give_up_outcome()
    {
        var calls = 0;

        var result = await Policy(attempts: 4).RunAsync<int>(() => { calls++; return Task.FromResult<Attempt<int>>(Attempt.Again); }, GaveUp, CancellationToken.None);

        Assert.Equal(4, calls);
        Assert.Equal((ErrorKind.Conflict, "concurrent-update", GaveUp), (result.Error!.Kind, result.Error.Code, result.Error.Message));
    }

    [Fact]
    public async Task RunAsync_repeats_the_step_until_it_wins_the_race()
    {
        var calls = 0;

        var result = await Policy().RunAsync<int>(() => Task.FromResult<Attempt<int>>(++calls < 3 ? Attempt.Again : calls), GaveUp, CancellationToken.None);

        Assert.Equal((true, 3, 3), (result.IsSuccess, result.Value, calls));
    }

    [Fact]
    public async Task RunAsync_returns_a_business_error_at_once_without_retrying()
    {
        var calls = 0;
        var refused = Error.Rule("insufficient-points", "no");

        var result = await Policy().RunAsync<int>(() => { calls++; return Task.FromResult<Attempt<int>>(refused); }, GaveUp, CancellationToken.None);

        Assert.Equal(1, calls);
        Assert.Same(refused, result.Error);
    }

    [Fact]
    public async Task RunAsync_waits_the_jittered_backoff_between_attempts()
    {
        var draws = 0;
        var policy = new LedgerRetryPolicy(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)) { Jitter = () => { draws++; return 0; } };

        await policy.RunAsync<int>(() => Task.FromResult<Attempt<int>>(Attempt.Again), GaveUp, CancellationToken.None);

        // One wait between each pair of attempts, none after the last.
        Assert.Equal(2, draws);
    }

    [Fact]
    public async Task RunOrThrowAsync_turns_giving_up_into_an_infrastructure_fault_naming_the_attempts()
    {
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Policy(attempts: 2).RunOrThrowAsync<int>(() => Task.FromResult<Attempt<int>>(Attempt.Again), "Row r kept changing.", CancellationToken.None));

        Assert.Equal("Row r kept changing. (after 2 attempts)", thrown.Message);
    }
}
